package org.postbinder.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.postbinder.crawl.DiscoveredLink;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.crawl.Validators;
import org.postbinder.store.Post;

/**
 * What visiting one frontier URL produced: its status (with the reason when skipped or retried),
 * the in-scope links to queue and, for an article, the cleaned post. A URL to be tried again stays
 * PENDING with the time of its next try.
 */
record CrawlResult(FrontierEntry entry, EntryStatus status, String reason, List<DiscoveredLink> links,
                   Optional<Post> post, Optional<Instant> retryAt, Optional<Validators> fetched) {

    CrawlResult {
        links = List.copyOf(links);
    }

    CrawlResult(FrontierEntry entry, EntryStatus status, String reason, List<DiscoveredLink> links, Optional<Post> post) {
        this(entry, status, reason, links, post, Optional.empty(), Optional.empty());
    }

    /** The same result, marked as a fetch whose validators are to be remembered for the next run. */
    CrawlResult fetchedWith(Validators validators) {
        return new CrawlResult(entry, status, reason, links, post, retryAt, Optional.of(validators));
    }

    /** The same result with its post changed, e.g. cleaned of its site's learned furniture. */
    CrawlResult withPost(Optional<Post> changed) {
        return new CrawlResult(entry, status, reason, links, changed, retryAt, fetched);
    }


    static CrawlResult skipped(FrontierEntry entry, String reason) {
        return new CrawlResult(entry, EntryStatus.SKIPPED, reason, List.of(), Optional.empty());
    }

    static CrawlResult retryAt(FrontierEntry entry, Instant when, String reason) {
        return new CrawlResult(entry, EntryStatus.PENDING, reason, List.of(), Optional.empty(), Optional.of(when),
                Optional.empty());
    }
}
