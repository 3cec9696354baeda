package org.postbinder.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobFileLoader;
import org.postbinder.job.RunParameters;
import org.postbinder.job.RunStarter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Starts one of the batch jobs for a job file and prints its summary. The file is validated before
 * anything starts, so a bad file never leaves a failed execution behind.
 */
@Component
public class JobRuns {

    private final JobFileLoader loader;
    private final RunStarter starter;
    private final RunSummary summary;
    private final GracefulStop stop;
    private final Clock clock;

    JobRuns(JobFileLoader loader, RunStarter starter, RunSummary summary, GracefulStop stop) {
        this.loader = loader;
        this.starter = starter;
        this.summary = summary;
        this.stop = stop;
        this.clock = Clock.systemUTC();
    }

    /** Runs the job and returns the exit code: 0 when it completed. */
    public int start(Job batchJob, Path jobFile, String runId) throws Exception {
        JobDefinition job = loader.load(jobFile);
        String run = runId == null ? RunParameters.newRunId(clock) : runId;
        System.out.printf("%s: job %s, run %s%n", batchJob.getName(), job.name(), run);
        return whileStoppable(() -> starter.start(batchJob, job, run));
    }

    /**
     * Runs a job so that SIGTERM (or Ctrl-C) stops it gracefully: the job is asked to stop, its
     * steps stop at their next chunk boundary and it ends STOPPED, to be restarted where it
     * stopped; the process waits for that, and for the summary, before it exits.
     */
    public int whileStoppable(Launch launch) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        Thread stopper = new Thread(() -> stopAndWait(reported), "postbinder-graceful-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return report(launch.start());
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it was waiting for exactly this
            }
        }
    }

    /** Starts (or restarts) one job execution and returns it when it has ended. */
    @FunctionalInterface
    public interface Launch {
        JobExecution start() throws Exception;
    }

    private void stopAndWait(CountDownLatch reported) {
        stop.stopRunningJobs();
        try {
            if (!reported.await(GracefulStop.PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
                GracefulStop.warnPatienceRanOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the JVM halts when this hook returns: the database must have written the STOPPED status first
        stop.closeContext();
    }

    public int report(JobExecution execution) {
        summary.print(execution, System.out);
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
