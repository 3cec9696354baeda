package org.postbinder.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.postbinder.crawl.CrawlRuns;
import org.postbinder.job.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's watch over a remote crawl: a partition whose worker has not marked it alive for the
 * heartbeat timeout is taken as lost (the worker was killed, crashed, or lost its network). It is
 * marked FAILED in the job repository, and so are the partitions still queued, and the run's other
 * partitions are told to stop (they would otherwise wait for ever for the lost one's URLs). Then
 * every partition has ended, the manager's step fails, and {@code restart} runs the unfinished
 * partitions again on the workers there are. Nothing is lost: the frontier commits each URL's result
 * with its chunk, so the URL a lost worker was fetching is still pending.
 */
class LostWorkers {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final PartitionBeats beats;
    private final JobRepository repository;
    private final CrawlRuns runs;
    private final Duration timeout;

    LostWorkers(PartitionBeats beats, JobRepository repository, CrawlRuns runs, Duration timeout) {
        this.beats = beats;
        this.repository = repository;
        this.runs = runs;
        this.timeout = timeout;
    }

    /** Looks once at the crawl that {@code managerStep} manages; fails it as above when a partition is lost. */
    void check(StepExecution managerStep) {
        long jobExecution = managerStep.getJobExecutionId();
        List<Long> lost = beats.silentSince(jobExecution, LocalDateTime.now().minus(timeout));
        if (lost.isEmpty()) {
            return;
        }
        String reason = "a worker was lost: no sign of life from its partition for " + timeout.toSeconds() + " s";
        int failed = 0;
        for (long id : lost) {
            failed += fail(id, reason) ? 1 : 0;
        }
        if (failed == 0) {
            return;
        }
        log.info("  lost        {} partition(s) of execution {}: {}", failed, jobExecution, reason);
        for (long id : beats.queued(jobExecution)) {
            fail(id, "not started: the crawl stopped because " + reason);
        }
        runs.abort(managerStep.getJobParameters().getString(RunParameters.JOB, ""),
                managerStep.getJobParameters().getString(RunParameters.RUN, ""), reason);
    }

    /**
     * Marks a partition failed, unless its worker wrote it meanwhile (a commit after all, so it is
     * alive): the version tells, and the next look judges it again.
     */
    private boolean fail(long stepExecutionId, String reason) {
        StepExecution partition = repository.getStepExecution(stepExecutionId);
        if (partition == null || !partition.getStatus().isRunning()) {
            return false;
        }
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now());
        try {
            repository.update(partition);
            return true;
        } catch (OptimisticLockingFailureException alive) {
            return false;
        }
    }
}
