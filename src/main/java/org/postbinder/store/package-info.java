/** The archived post record and the posts table. */
@NullMarked
package org.postbinder.store;

import org.jspecify.annotations.NullMarked;
