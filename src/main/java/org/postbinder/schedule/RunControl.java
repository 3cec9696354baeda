package org.postbinder.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.postbinder.job.ArchiveJobConfiguration;
import org.postbinder.job.JobBusyException;
import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobLeases;
import org.postbinder.job.RunHistory;
import org.postbinder.job.RunParameters;
import org.postbinder.job.RunStarter;
import org.postbinder.job.RunningJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts and stops runs for {@code serve}: the schedule, the web page and the API. A
 * run goes on in the background; the caller learns at once whether it could start (a job that is
 * running somewhere is refused with {@link JobBusyException}).
 */
@Component
public class RunControl implements Firings {

    private static final Logger log = LoggerFactory.getLogger(RunControl.class);

    /** A run's first execution is recorded within milliseconds of its start; this is plenty. */
    private static final java.time.Duration EXECUTION_APPEARS = java.time.Duration.ofSeconds(10);

    private final JobCatalog catalog;
    private final RunStarter starter;
    private final RunHistory history;
    private final JobOperator operator;
    private final RunningJobs running;
    private final ScheduledRuns scheduled;
    private final Job archiveJob;
    private final Clock clock;
    private final TaskExecutor background = new SimpleAsyncTaskExecutor("postbinder-run-");

    public RunControl(JobCatalog catalog, RunStarter starter, RunHistory history, JobOperator operator,
                      RunningJobs running, ScheduledRuns scheduled,
                      @Qualifier(ArchiveJobConfiguration.ARCHIVE_JOB) Job archiveJob) {
        this.catalog = catalog;
        this.starter = starter;
        this.history = history;
        this.operator = operator;
        this.running = running;
        this.scheduled = scheduled;
        this.archiveJob = archiveJob;
        this.clock = Clock.systemUTC();
    }

    /** Starts a new run of the job now (crawl, then export); returns its run id. */
    public String startNow(String jobName) {
        JobDefinition job = loadedJob(jobName);
        String run = RunParameters.newRunId(clock);
        JobLeases.Lease lease = starter.reserve(job.name(), run);
        background.execute(() -> report(job.name(), run, () -> starter.start(archiveJob, job, run, lease)));
        awaitExecution(job.name(), run);
        return run;
    }

    /** Until the run's execution is in the job repository, so that the caller can show it at once. */
    private void awaitExecution(String job, String run) {
        long deadline = System.nanoTime() + EXECUTION_APPEARS.toNanos();
        while (history.run(job, run).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Runs the job for one firing of its schedule, unless another server already did (or is doing)
     * that firing. The run id is the scheduled time, so the firing is also one job instance.
     */
    @Override
    public void fire(String jobName, Instant scheduledAt) {
        String run = RunParameters.newRunId(Clock.fixed(scheduledAt, java.time.ZoneOffset.UTC));
        if (!scheduled.claim(jobName, scheduledAt, run)) {
            log.info("job {}: the run scheduled for {} was already taken by another server", jobName, scheduledAt);
            return;
        }
        try {
            JobDefinition job = loadedJob(jobName);
            JobLeases.Lease lease = starter.reserve(job.name(), run);
            log.info("job {}: scheduled run {} starting", jobName, run);
            background.execute(() -> scheduled.finish(jobName, scheduledAt,
                    report(jobName, run, () -> starter.start(archiveJob, job, run, lease))));
        } catch (RuntimeException refused) {
            log.warn("job {}: scheduled run {} did not start: {}", jobName, run, refused.getMessage());
            scheduled.finish(jobName, scheduledAt, "NOT STARTED: " + refused.getMessage());
        }
    }

    /** Restarts the run's latest execution where it stopped. */
    public void restart(String job, String run) {
        long executionId = latest(job, run).getId();
        JobLeases.Lease lease = starter.reserveRestart(executionId);
        background.execute(() -> report(job, run, () -> starter.restart(executionId, lease)));
    }

    /** Asks the run's running execution to stop at its next chunk boundary; false when none is running. */
    public boolean stop(String job, String run) {
        JobExecution latest = latest(job, run);
        if (!latest.isRunning()) {
            return false;
        }
        // the object the job itself holds, when it runs here: every thread of the job sees the stop at once
        JobExecution execution = running.current().stream().filter(live -> live.getId() == latest.getId())
                .findFirst().orElse(latest);
        try {
            return operator.stop(execution);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + job + " run " + run + ": " + e.getMessage(), e);
        }
    }

    private JobExecution latest(String job, String run) {
        return history.run(job, run).map(RunHistory.Run::latest)
                .orElseThrow(() -> new NoSuchElementException("job " + job + " has no run " + run));
    }

    private JobDefinition loadedJob(String name) {
        Optional<JobDefinition> job = catalog.job(name);
        return job.orElseThrow(() -> new NoSuchElementException("no job " + name + " in the jobs folder"));
    }

    /** A run in the background: its outcome goes to the log, the job repository keeps the rest. */
    private String report(String job, String run, Launch launch) {
        try {
            JobExecution execution = launch.start();
            log.info("job {} run {}: {}", job, run, execution.getExitStatus().getExitCode());
            return execution.getExitStatus().getExitCode();
        } catch (Exception e) {
            log.warn("job {} run {} failed to start: {}", job, run, e.getMessage());
            return "NOT STARTED: " + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface Launch {
        JobExecution start() throws Exception;
    }
}
