/** Archive files (CSV, JSON, PDF), the manifest, and atomic publishing under output/<job>/<run>/. */
@NullMarked
package org.postbinder.export;

import org.jspecify.annotations.NullMarked;
