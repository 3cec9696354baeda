/** Postbinder: crawls blogs and news sites and binds their posts into CSV, JSON and PDF archives. */
@NullMarked
package org.postbinder;

import org.jspecify.annotations.NullMarked;
