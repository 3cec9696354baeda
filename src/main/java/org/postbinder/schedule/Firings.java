package org.postbinder.schedule;

import java.time.Instant;

/** What happens when a job's scheduled time comes: {@link RunControl} runs it, once across all servers. */
@FunctionalInterface
public interface Firings {

    void fire(String job, Instant scheduledAt);
}
