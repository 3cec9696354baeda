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

    /**
     * Fetches an image: its bytes up to the settings' max body bytes, whatever content type the
     * source gives (the caller tells images by their bytes), except text a server sends instead.
     * A source that keeps no images (a WARC replay) answers {@link FetchOutcome#UNSUPPORTED_TYPE}.
     */
    default FetchResult fetchImage(URI url, FetchSettings settings) {
        return FetchResult.skipped(FetchOutcome.UNSUPPORTED_TYPE, "this source keeps no images");
    }
}
