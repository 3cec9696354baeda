package org.postbinder.crawl;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one fetch: a page when {@link FetchOutcome#FETCHED}, else a reason. A
 * {@link FetchOutcome#RETRY_LATER} may carry the wait the server asked for ({@code Retry-After}).
 */
public record FetchResult(FetchOutcome outcome, Optional<FetchedPage> page, String reason, Optional<Duration> retryAfter) {

    public static FetchResult fetched(FetchedPage page) {
        return new FetchResult(FetchOutcome.FETCHED, Optional.of(page), "", Optional.empty());
    }

    public static FetchResult skipped(FetchOutcome outcome, String reason) {
        return new FetchResult(outcome, Optional.empty(), reason, Optional.empty());
    }

    public static FetchResult notModified() {
        return new FetchResult(FetchOutcome.NOT_MODIFIED, Optional.empty(), "not modified since the last fetch", Optional.empty());
    }

    public static FetchResult retryLater(String reason, Optional<Duration> retryAfter) {
        return new FetchResult(FetchOutcome.RETRY_LATER, Optional.empty(), reason, retryAfter);
    }
}
