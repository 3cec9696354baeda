package org.postbinder.job;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.FetchOutcome;
import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FetchSettings;
import org.postbinder.crawl.FetchState;
import org.postbinder.crawl.Fetchers;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.crawl.HostPacer;
import org.postbinder.crawl.RobotsPolicy;
import org.postbinder.crawl.Scope;
import org.postbinder.crawl.UrlGate;
import org.postbinder.crawl.Validators;
import org.postbinder.crawl.WarcReplay;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches a frontier URL politely: robots.txt first (the URL and every redirect hop must be allowed
 * and in scope), then the host's turn (the job's delay, raised by robots.txt's Crawl-delay), then
 * the request, conditional when an earlier run fetched the URL. A job rebuilt from WARC files reads
 * every page from them instead.
 */
class FetchProcessor implements ItemProcessor<FrontierEntry, FetchedEntry> {

    private final Fetchers fetchers;
    private final FetchSettings settings;
    private final Duration delay;
    private final Scope scope;
    private final RobotsPolicy robots;
    private final HostPacer pacer;
    private final FetchState state;
    private final String job;
    private final Optional<WarcReplay> replay;

    FetchProcessor(Fetchers fetchers, FetchSettings settings, Duration delay, Scope scope, RobotsPolicy robots,
                   HostPacer pacer, FetchState state, String job, Optional<WarcReplay> replay) {
        this.fetchers = fetchers;
        this.settings = settings;
        this.delay = delay;
        this.scope = scope;
        this.robots = robots;
        this.pacer = pacer;
        this.state = state;
        this.job = job;
        this.replay = replay;
    }

    @Override
    public FetchedEntry process(FrontierEntry entry) {
        try {
            return new FetchedEntry(entry, fetch(entry));
        } catch (RuntimeException e) {
            // a fetcher bug must cost one URL, not stop the crawl on the same URL at every restart
            return new FetchedEntry(entry, FetchResult.skipped(FetchOutcome.FAILED, "cannot fetch: " + e));
        }
    }

    private FetchResult fetch(FrontierEntry entry) {
        URI url = entry.url();
        if (replay.isPresent()) {
            return replay.get().fetch(url, settings);
        }
        // what the last run got for this URL, so that an unchanged page answers 304
        Validators known = state.known(job, url.toString());
        if (!isHttp(url)) {
            return fetchers.fetch(url, settings.withGate(gate(entry.kind())), known);
        }
        Duration pace = max(delay, robots.rulesFor(url, settings, delay).crawlDelay());
        pacer.awaitTurn(url, pace);
        try {
            return fetchers.fetch(url, settings.withGate(gate(entry.kind())), known);
        } finally {
            pacer.finished(url);
        }
    }

    /** Pages must stay in scope through redirects; sitemaps and feeds may be anywhere on the sources' hosts. */
    private UrlGate gate(EntryKind kind) {
        return url -> {
            boolean inScope = kind == EntryKind.PAGE ? scope.contains(url) : scope.allowsListing(url);
            if (!inScope) {
                return Optional.of("out of the job's scope: " + url);
            }
            return robots.refusal(url, settings, delay);
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static boolean isHttp(URI url) {
        return "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    }
}
