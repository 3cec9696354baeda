package org.postbinder.job;

import java.util.List;
import java.util.Optional;

import org.postbinder.crawl.DiscoveredLink;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.store.Post;

/**
 * What visiting one frontier URL produced: its final status (with the reason when skipped), the
 * in-scope links to queue and, for an article, the cleaned post.
 */
record CrawlResult(FrontierEntry entry, EntryStatus status, String reason, List<DiscoveredLink> links,
                          Optional<Post> post) {

    public CrawlResult {
        links = List.copyOf(links);
    }

    static CrawlResult skipped(FrontierEntry entry, String reason) {
        return new CrawlResult(entry, EntryStatus.SKIPPED, reason, List.of(), Optional.empty());
    }
}
