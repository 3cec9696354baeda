package org.postbinder.job;

import java.time.Duration;

import org.postbinder.crawl.FetchOutcome;
import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FetchSettings;
import org.postbinder.crawl.Fetchers;
import org.postbinder.crawl.FrontierEntry;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches a frontier URL. Network URLs wait the job's delay first: the crawl step is single
 * threaded, so a sleep before each request is the per-host delay.
 */
class FetchProcessor implements ItemProcessor<FrontierEntry, FetchedEntry> {

    private final Fetchers fetchers;
    private final FetchSettings settings;
    private final Duration delay;

    FetchProcessor(Fetchers fetchers, FetchSettings settings, Duration delay) {
        this.fetchers = fetchers;
        this.settings = settings;
        this.delay = delay;
    }

    @Override
    public FetchedEntry process(FrontierEntry entry) throws InterruptedException {
        if (!delay.isZero() && !"file".equalsIgnoreCase(entry.url().getScheme())) {
            Thread.sleep(delay.toMillis());
        }
        try {
            return new FetchedEntry(entry, fetchers.fetch(entry.url(), settings));
        } catch (RuntimeException e) {
            // a fetcher bug must cost one URL, not stop the crawl on the same URL at every restart
            return new FetchedEntry(entry, FetchResult.skipped(FetchOutcome.FAILED, "cannot fetch: " + e));
        }
    }
}
