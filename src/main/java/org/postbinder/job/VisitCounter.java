package org.postbinder.job;

import org.postbinder.crawl.Frontier;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/** Counts the visits a chunk wrote, as the frontier has them: by status, skips by kind of reason, posts stored. */
class VisitCounter implements ItemWriteListener<CrawlResult> {

    private final ArchiveMetrics metrics;
    private final Frontier frontier;
    private final String job;

    VisitCounter(ArchiveMetrics metrics, Frontier frontier, String job) {
        this.metrics = metrics;
        this.frontier = frontier;
        this.job = job;
    }

    @Override
    public void afterWrite(Chunk<? extends CrawlResult> results) {
        results.forEach(result -> metrics.visited(job, frontier.completion(result.entry().id())));
    }
}
