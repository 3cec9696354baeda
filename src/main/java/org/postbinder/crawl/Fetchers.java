package org.postbinder.crawl;

import java.net.URI;
import java.util.List;

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
        return fetchers.stream()
                .filter(fetcher -> fetcher.supports(url))
                .findFirst()
                .map(fetcher -> fetcher.fetch(url, settings, known))
                .orElseGet(() -> FetchResult.skipped(FetchOutcome.UNSUPPORTED_TYPE, "no fetcher for scheme " + url.getScheme()));
    }
}
