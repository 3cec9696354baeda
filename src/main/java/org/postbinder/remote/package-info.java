/** Remote partitioning: the crawl's partitions sent over RabbitMQ to {@code postbinder worker} processes. */
@NullMarked
package org.postbinder.remote;

import org.jspecify.annotations.NullMarked;
