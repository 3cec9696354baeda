package org.postbinder.job;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.postbinder.crawl.CrawlRuns;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.FrontierEntry;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads one partition of a run's frontier: each call returns the partition's next PENDING URL that
 * is due. When the partition has none, it waits while any URL of the run is still pending, since a
 * page another partition is visiting may add links to this one; it returns null when nothing in the
 * whole run is left. It keeps no position of its own: the frontier table is the state, so a
 * restarted step simply carries on. Used with a chunk of one, so that the links a page adds are
 * committed before the next read.
 */
class FrontierReader implements ItemReader<FrontierEntry> {

    /** How often a partition with nothing to do looks again; a query on an index. */
    private static final long POLL_MILLIS = 100;

    private final Frontier frontier;
    private final CrawlRuns runs;
    private final StepExecution step;
    private final String job;
    private final String run;
    private final int partition;
    private final int partitions;

    FrontierReader(Frontier frontier, CrawlRuns runs, StepExecution step, String job, String run, int partition,
                   int partitions) {
        this.frontier = frontier;
        this.runs = runs;
        this.step = step;
        this.job = job;
        this.run = run;
        this.partition = partition;
        this.partitions = partitions;
    }

    @Override
    public @Nullable FrontierEntry read() throws InterruptedException {
        while (true) {
            Optional<String> aborted = runs.aborted(job, run);
            if (aborted.filter(CrawlRuns.STOP_REQUESTED::equals).isPresent()) {
                // the job's process was asked to stop while this partition runs in a worker: see below
                step.setTerminateOnly();
                return null;
            }
            if (aborted.isPresent()) {
                // another partition failed: going on would only delay the restart that resumes them all,
                // and waiting for the URLs it left pending would be for ever
                throw new CrawlAborted(aborted.get());
            }
            Optional<FrontierEntry> next = frontier.next(job, run, partition, partitions, Instant.now());
            if (next.isPresent()) {
                return next.get();
            }
            if (!frontier.hasPending(job, run)) {
                return null;
            }
            if (step.getJobExecution().isStopping() || step.getJobExecution().isStopped()) {
                // asked to stop (SIGTERM): a waiting partition reaches no chunk boundary to see it at,
                // so it ends here, and Spring Batch marks the step STOPPED, to be restarted
                step.setTerminateOnly();
                return null;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Another partition of the crawl failed; this one stops too, and a restart resumes all of them. */
    static class CrawlAborted extends IllegalStateException {
        CrawlAborted(String reason) {
            super("stopped because another part of the crawl failed: " + reason);
        }
    }
}
