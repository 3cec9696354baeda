package org.postbinder.crawl;

import java.util.Optional;

/** The outcome of one fetch: a page when {@link FetchOutcome#FETCHED}, else a reason for the skip. */
public record FetchResult(FetchOutcome outcome, Optional<FetchedPage> page, String reason) {

    public static FetchResult fetched(FetchedPage page) {
        return new FetchResult(FetchOutcome.FETCHED, Optional.of(page), "");
    }

    public static FetchResult skipped(FetchOutcome outcome, String reason) {
        return new FetchResult(outcome, Optional.empty(), reason);
    }
}
