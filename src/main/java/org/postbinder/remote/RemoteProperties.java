package org.postbinder.remote;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Remote partitioning ({@code postbinder.remote.*}): the manager (the process that runs the job)
 * sends the crawl's partitions to a RabbitMQ queue and worker processes run them; all of them share
 * one database (PostgreSQL) and one output folder. Off by default: the crawl runs on threads.
 *
 * <dl>
 * <dt>{@code enabled}</dt><dd>if true, {@code run}, {@code crawl}, {@code restart} and {@code serve}
 *     send the crawl's partitions to workers; if false, they crawl on threads of their own</dd>
 * <dt>{@code queue}</dt><dd>the queue the partitions go through (declared durable if missing); the
 *     manager and its workers must name the same one</dd>
 * <dt>{@code worker-concurrency}</dt><dd>partitions one worker runs at once; together, the live
 *     workers must be able to run every partition of a crawl at once (the job's {@code crawl.concurrency}),
 *     since a partition with nothing left waits for the others</dd>
 * <dt>{@code worker-name}</dt><dd>names the worker's WARC files and its log lines; blank: host and process id</dd>
 * <dt>{@code poll-interval}</dt><dd>how often the manager reads the partitions' state from the database</dd>
 * <dt>{@code heartbeat-interval}</dt><dd>how often a worker marks each partition it runs as alive</dd>
 * <dt>{@code heartbeat-timeout}</dt><dd>a partition not marked alive for this long is taken as lost
 *     with its worker: the manager marks it failed and the crawl stops, to be restarted</dd>
 * <dt>{@code partition-timeout}</dt><dd>the most the crawl's partitions may take together; 0 for no limit</dd>
 * </dl>
 */
@Validated
@ConfigurationProperties("postbinder.remote")
public record RemoteProperties(boolean enabled, @NotBlank String queue, @Min(1) @Max(64) int workerConcurrency,
                               @NotNull String workerName, @NotNull Duration pollInterval,
                               @NotNull Duration heartbeatInterval, @NotNull Duration heartbeatTimeout,
                               @NotNull Duration partitionTimeout) {

    public RemoteProperties {
        if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) <= 0) {
            // one late beat (a busy database, a pause of the JVM) must not make a live worker look lost
            throw new IllegalArgumentException("postbinder.remote.heartbeat-timeout (" + heartbeatTimeout
                    + ") must be more than twice the heartbeat-interval (" + heartbeatInterval + ")");
        }
    }
}
