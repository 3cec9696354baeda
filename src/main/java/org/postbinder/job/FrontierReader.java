package org.postbinder.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.FrontierEntry;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads a run's frontier: each call returns the next PENDING URL that is due, waits when the only
 * URLs left are retries that are not due yet, and returns null when nothing is left. It keeps no
 * position of its own: the frontier table is the state, so a restarted step simply carries on.
 * Used with a chunk of one, so that the links a page adds are committed before the next read.
 */
class FrontierReader implements ItemReader<FrontierEntry> {

    private final Frontier frontier;
    private final String job;
    private final String run;

    FrontierReader(Frontier frontier, String job, String run) {
        this.frontier = frontier;
        this.job = job;
        this.run = run;
    }

    @Override
    public @Nullable FrontierEntry read() throws InterruptedException {
        while (true) {
            Optional<FrontierEntry> next = frontier.next(job, run, Instant.now());
            if (next.isPresent()) {
                return next.get();
            }
            Optional<Instant> retry = frontier.nextRetry(job, run);
            if (retry.isEmpty()) {
                return null;
            }
            Duration wait = Duration.between(Instant.now(), retry.get());
            if (!wait.isNegative()) {
                Thread.sleep(wait.toMillis() + 1);
            }
        }
    }
}
