package org.postbinder.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Counts each fetch and the bytes it downloaded, and passes it on unchanged. */
class FetchCounter implements ItemProcessor<FetchedEntry, FetchedEntry> {

    private final ArchiveMetrics metrics;
    private final String job;

    FetchCounter(ArchiveMetrics metrics, String job) {
        this.metrics = metrics;
        this.job = job;
    }

    @Override
    public FetchedEntry process(FetchedEntry fetched) {
        metrics.fetched(job, fetched.result());
        return fetched;
    }
}
