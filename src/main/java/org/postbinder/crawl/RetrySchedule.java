package org.postbinder.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a URL again after a failure that may pass (429, 5xx, a timeout): after the server's
 * {@code Retry-After} when it gives one, else after an exponentially growing delay with jitter
 * (base, 4 × base, 16 × base, each ± 25 %), at most {@code maxRetries} times. The wait is kept in the
 * frontier, so the crawl goes on with other URLs meanwhile and a restart keeps the schedule.
 * Immutable and thread-safe.
 *
 * @param baseDelay     the first backoff delay
 * @param maxRetries    retries after the first failure before the URL is skipped
 * @param maxRetryAfter the longest Retry-After honoured; a server asking for more is skipped for this run
 */
public record RetrySchedule(Duration baseDelay, int maxRetries, Duration maxRetryAfter) {

    /** The time of the next try, or empty when the URL should be given up for this run. */
    public Optional<Instant> next(int failuresSoFar, Optional<Duration> retryAfter, Instant now) {
        if (failuresSoFar > maxRetries) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(now.plus(retryAfter.get()));
        }
        long base = baseDelay.toMillis() << (2 * (failuresSoFar - 1));
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Optional.of(now.plusMillis(Math.round(base * jitter)));
    }
}
