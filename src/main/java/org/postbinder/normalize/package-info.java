/** Text normalization: Unicode, spaces, invisible and control characters. */
@NullMarked
package org.postbinder.normalize;

import org.jspecify.annotations.NullMarked;
