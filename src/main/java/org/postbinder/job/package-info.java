/** Job files (YAML, validated on load) and the Spring Batch jobs and steps that run them. */
@NullMarked
package org.postbinder.job;

import org.jspecify.annotations.NullMarked;
