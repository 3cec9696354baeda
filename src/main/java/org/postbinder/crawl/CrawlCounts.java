package org.postbinder.crawl;

import java.util.Map;

/** What became of a run's URLs, by status: the figures of a run summary and of the web page. */
public record CrawlCounts(Map<EntryStatus, Integer> byStatus) {

    public CrawlCounts {
        byStatus = Map.copyOf(byStatus);
    }

    public int of(EntryStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int discovered() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** URLs fetched and read to the end, whatever they turned out to be. */
    public int fetched() {
        return of(EntryStatus.STORED) + of(EntryStatus.NOT_A_POST) + of(EntryStatus.VISITED) + of(EntryStatus.UNCHANGED)
                + of(EntryStatus.DUPLICATE);
    }
}
