package org.postbinder.job;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.postbinder.crawl.AddressGuard;
import org.postbinder.crawl.CrawlRuns;
import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.FetchSettings;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.RobotsPolicy;
import org.postbinder.crawl.Scope;
import org.postbinder.crawl.UrlNormalizer;
import org.postbinder.crawl.WarcReplay;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Queues a run's sources, all at depth 0: start URLs, sitemaps and feeds from the job file, and the
 * sitemaps that the start hosts' robots.txt lists; for a job rebuilt from WARC files, every HTML page
 * the files hold. It also fixes how the run's frontier is split for parallel crawling. Adding is
 * idempotent, so a restarted run seeds nothing twice.
 */
class SeedFrontierTasklet implements Tasklet {

    private final Frontier frontier;
    private final CrawlRuns runs;
    private final JobDefinition job;
    private final String run;
    private final RobotsPolicy robots;
    private final FetchSettings settings;
    private final Optional<WarcReplay> replay;

    SeedFrontierTasklet(Frontier frontier, CrawlRuns runs, JobDefinition job, String run, RobotsPolicy robots,
                        FetchSettings settings, Optional<WarcReplay> replay) {
        this.frontier = frontier;
        this.runs = runs;
        this.job = job;
        this.run = run;
        this.robots = robots;
        this.settings = settings;
        this.replay = replay;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        runs.open(job.name(), run, new CrawlRuns.Lanes(job.crawl().concurrency(), job.crawl().connectionsPerHost()));
        seed(job.sources().startUrls(), EntryKind.PAGE);
        seed(job.sources().sitemaps(), EntryKind.SITEMAP);
        seed(job.sources().feeds(), EntryKind.FEED);
        if (replay.isPresent()) {
            seed(replay.get().htmlPages(), EntryKind.PAGE);
        } else {
            seed(robotsSitemaps(), EntryKind.SITEMAP);
        }
        return RepeatStatus.FINISHED;
    }

    private List<URI> robotsSitemaps() {
        Scope scope = Scope.of(job);
        return job.sources().startUrls().stream()
                .filter(url -> "http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                .filter(url -> AddressGuard.refusal(url, settings.allowPrivateAddresses(), settings.allowedNetworks()).isEmpty())
                .flatMap(url -> robots.rulesFor(url, settings, job.crawl().delay()).sitemaps().stream())
                .flatMap(sitemap -> UrlNormalizer.parse(sitemap).stream())
                .filter(scope::allowsListing)
                .distinct()
                .toList();
    }

    private void seed(List<URI> urls, EntryKind kind) {
        for (URI url : urls) {
            UrlNormalizer.normalize(url).ifPresent(normalized ->
                    frontier.add(job.name(), run, normalized, kind, 0, "job file " + job.file().getFileName()));
        }
    }
}
