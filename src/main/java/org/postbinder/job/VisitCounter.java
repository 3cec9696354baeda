package org.postbinder.job;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/** Counts the visits a chunk wrote: by status, skips by kind of reason, posts stored. */
class VisitCounter implements ItemWriteListener<CrawlResult> {

    private final ArchiveMetrics metrics;
    private final String job;

    VisitCounter(ArchiveMetrics metrics, String job) {
        this.metrics = metrics;
        this.job = job;
    }

    @Override
    public void afterWrite(Chunk<? extends CrawlResult> results) {
        results.forEach(result -> metrics.visited(job, result));
    }
}
