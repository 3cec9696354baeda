package org.postbinder.crawl;

import java.net.URI;

/**
 * Fetches one URL of the schemes it supports. Implementations never throw for a page that cannot
 * be had: they return a {@link FetchResult} with the outcome and a reason. Thread-safe.
 */
public interface PageFetcher {

    boolean supports(URI url);

    /**
     * Fetches the URL; with {@code known} validators from an earlier fetch, an unchanged page comes
     * back as {@link FetchOutcome#NOT_MODIFIED}, without its body.
     */
    FetchResult fetch(URI url, FetchSettings settings, Validators known);

    default FetchResult fetch(URI url, FetchSettings settings) {
        return fetch(url, settings, Validators.NONE);
    }
}
