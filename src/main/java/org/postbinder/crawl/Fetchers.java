package org.postbinder.crawl;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/** Picks the {@link PageFetcher} for a URL's scheme. Thread-safe. */
@Component
public class Fetchers {

    private final List<PageFetcher> fetchers;

    public Fetchers(List<PageFetcher> fetchers) {
        this.fetchers = List.copyOf(fetchers);
    }

    public FetchResult fetch(URI url, FetchSettings settings) {
        return fetch(url, settings, Validators.NONE);
    }

    public FetchResult fetch(URI url, FetchSettings settings, Validators known) {
        return with(url, fetcher -> fetcher.fetch(url, settings, known));
    }

    /** An image's bytes ({@link PageFetcher#fetchImage}). */
    public FetchResult fetchImage(URI url, FetchSettings settings) {
        return with(url, fetcher -> fetcher.fetchImage(url, settings));
    }

    private FetchResult with(URI url, Function<PageFetcher, FetchResult> fetch) {
        return fetchers.stream()
                .filter(fetcher -> fetcher.supports(url))
                .findFirst()
                .map(fetch)
                .orElseGet(() -> FetchResult.skipped(FetchOutcome.UNSUPPORTED_TYPE, "no fetcher for scheme " + url.getScheme()));
    }
}
