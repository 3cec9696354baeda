package org.postbinder.remote;

import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.postbinder.crawl.CrawlRuns;
import org.postbinder.job.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;

/**
 * The manager's side of a remote crawl: sends the partitions through the queue and waits until the
 * job repository shows every one ended (Spring Batch Integration's handler, which polls it), while
 * {@link LostWorkers} looks for partitions whose worker is gone, so the wait cannot last for ever on
 * a dead worker, and passes a request to stop the job on to the partitions. Past the partition timeout (when one is set) the run's partitions are told to stop
 * and the step fails. Thread-safe: one handler serves every run of the process.
 */
class RemoteCrawlPartitions implements PartitionHandler, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final PartitionHandler sender;
    private final LostWorkers lostWorkers;
    private final CrawlRuns runs;
    private final JobRepository repository;
    private final RemoteProperties settings;
    private final ScheduledExecutorService watch = Daemons.timer("lost-workers");

    RemoteCrawlPartitions(PartitionHandler sender, LostWorkers lostWorkers, CrawlRuns runs, JobRepository repository,
                          RemoteProperties settings) {
        this.sender = sender;
        this.lostWorkers = lostWorkers;
        this.runs = runs;
        this.repository = repository;
        this.settings = settings;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStep) throws Exception {
        long every = settings.heartbeatInterval().toMillis();
        ScheduledFuture<?> looking = watch.scheduleWithFixedDelay(() -> look(managerStep), every, every, TimeUnit.MILLISECONDS);
        log.info("  partitions  sent to the workers on queue {}", settings.queue());
        try {
            return sender.handle(splitter, managerStep);
        } catch (TimeoutException e) {
            String reason = "the partitions did not finish within postbinder.remote.partition-timeout ("
                    + settings.partitionTimeout() + ")";
            // the partitions still running would otherwise go on, and wait, with no one to report to
            runs.abort(managerStep.getJobParameters().getString(RunParameters.JOB, ""),
                    managerStep.getJobParameters().getString(RunParameters.RUN, ""), reason);
            throw new IllegalStateException(reason, e);
        } finally {
            looking.cancel(false);
        }
    }

    private void look(StepExecution managerStep) {
        try {
            passOnStop(managerStep);
            lostWorkers.check(managerStep);
        } catch (RuntimeException e) {
            // a database that does not answer now may answer at the next look; the poll will fail the step if not
            log.warn("cannot look for lost workers: {}", e.getMessage());
        }
    }

    /**
     * Asked to stop (SIGTERM, the web page), the job is STOPPING in the job repository; partitions
     * that are fetching see that when they commit, but one waiting for the others' links commits
     * nothing. The run's partitions are told through the database, where each one looks at every read.
     */
    private void passOnStop(StepExecution managerStep) {
        JobExecution job = repository.getJobExecution(managerStep.getJobExecutionId());
        if (job != null && (job.isStopping() || job.getStatus() == BatchStatus.STOPPED)) {
            runs.requestStop(managerStep.getJobParameters().getString(RunParameters.JOB, ""),
                    managerStep.getJobParameters().getString(RunParameters.RUN, ""));
        }
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
    }
}
