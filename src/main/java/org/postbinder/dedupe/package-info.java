/** Keeping each photo caption once, as a caption, out of the body. */
@NullMarked
package org.postbinder.dedupe;

import org.jspecify.annotations.NullMarked;
