/** Turning an extracted page into the archived post: normalization, furniture phrases, caption de-duplication. */
@NullMarked
package org.postbinder.clean;

import org.jspecify.annotations.NullMarked;
