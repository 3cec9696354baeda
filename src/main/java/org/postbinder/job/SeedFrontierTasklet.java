package org.postbinder.job;

import java.net.URI;
import java.util.List;

import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.UrlNormalizer;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Queues a run's sources: start URLs, sitemaps and feeds, all at depth 0. Adding is idempotent,
 * so a restarted run seeds nothing twice.
 */
class SeedFrontierTasklet implements Tasklet {

    private final Frontier frontier;
    private final JobDefinition job;
    private final String run;

    SeedFrontierTasklet(Frontier frontier, JobDefinition job, String run) {
        this.frontier = frontier;
        this.job = job;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        seed(job.sources().startUrls(), EntryKind.PAGE);
        seed(job.sources().sitemaps(), EntryKind.SITEMAP);
        seed(job.sources().feeds(), EntryKind.FEED);
        return RepeatStatus.FINISHED;
    }

    private void seed(List<URI> urls, EntryKind kind) {
        for (URI url : urls) {
            UrlNormalizer.normalize(url).ifPresent(normalized ->
                    frontier.add(job.name(), run, normalized, kind, 0, "job file " + job.file().getFileName()));
        }
    }
}
