package org.postbinder.crawl;

import java.net.URI;

/**
 * Fetches one URL of the schemes it supports. Implementations never throw for a page that cannot
 * be had: they return a {@link FetchResult} with the outcome and a reason. Thread-safe.
 */
public interface PageFetcher {

    boolean supports(URI url);

    FetchResult fetch(URI url, FetchSettings settings);
}
