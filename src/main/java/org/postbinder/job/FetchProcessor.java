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
import org.postbinder.crawl.WarcArchive;
import org.postbinder.crawl.WarcReplay;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches a frontier URL politely. Before the URL and before every redirect hop: the hop must be in
 * scope and allowed by its host's robots.txt, and it waits for the host's turn (the job's delay,
 * raised by robots.txt's Crawl-delay, and any Retry-After the host gave) and for one of the job's
 * connections to the host (shared by all the crawl's partitions). The request is
 * conditional when an earlier run fetched the URL. A job rebuilt from WARC files reads every page
 * from them instead.
 */
class FetchProcessor implements ItemProcessor<FrontierEntry, FetchedEntry> {

    private final Fetchers fetchers;
    private final FetchSettings settings;
    private final Duration delay;
    private final int connectionsPerHost;
    private final Scope scope;
    private final RobotsPolicy robots;
    private final HostPacer pacer;
    private final FetchState state;
    private final String job;
    private final Optional<WarcReplay> replay;

    FetchProcessor(Fetchers fetchers, FetchSettings settings, Duration delay, int connectionsPerHost, Scope scope,
                   RobotsPolicy robots, HostPacer pacer, FetchState state, String job, Optional<WarcReplay> replay) {
        this.fetchers = fetchers;
        this.settings = settings;
        this.delay = delay;
        this.connectionsPerHost = connectionsPerHost;
        this.scope = scope;
        this.robots = robots;
        this.pacer = pacer;
        this.state = state;
        this.job = job;
        this.replay = replay;
    }

    @Override
    public FetchedEntry process(FrontierEntry entry) {
        URI url = entry.url();
        if (replay.isPresent()) {
            return new FetchedEntry(entry, replay.get().fetch(url, settings));
        }
        // what the last run got for this URL, so that an unchanged page answers 304
        FetchState.Previous previous = state.previous(job, url.toString());
        try {
            FetchResult result = fetchers.fetch(url, settings.withGate(gate(entry.kind())), previous.validators());
            result.retryAfter().ifPresent(wait -> pacer.holdOff(url, wait));
            return new FetchedEntry(entry, result, previous);
        } catch (WarcArchive.WriteFailure e) {
            // losing the record of what was fetched is not a skipped page: the run stops, and restarts
            throw e;
        } catch (RuntimeException e) {
            // a fetcher bug must cost one URL, not stop the crawl on the same URL at every restart
            return new FetchedEntry(entry, FetchResult.skipped(FetchOutcome.FAILED, "cannot fetch: " + e), previous);
        } finally {
            pacer.finished(url);
        }
    }

    /**
     * Asked before the URL and before every redirect hop: pages must stay in scope (sitemaps and feeds
     * may be anywhere on the sources' hosts), robots.txt must allow the hop, and then the hop waits
     * for its host's turn.
     */
    private UrlGate gate(EntryKind kind) {
        return url -> {
            boolean inScope = kind == EntryKind.PAGE ? scope.contains(url) : scope.allowsListing(url);
            if (!inScope) {
                return Optional.of("out of the job's scope: " + url);
            }
            Optional<String> refused = robots.refusal(url, settings, delay);
            if (refused.isEmpty() && isHttp(url)) {
                pacer.awaitTurn(url, max(delay, robots.rulesFor(url, settings, delay).crawlDelay()), connectionsPerHost);
            }
            return refused;
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static boolean isHttp(URI url) {
        return "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    }
}
