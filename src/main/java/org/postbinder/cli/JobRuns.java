package org.postbinder.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobFileLoader;
import org.postbinder.job.RunParameters;
import org.postbinder.job.RunningJobs;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Starts one of the batch jobs for a job file and prints its summary. The file is validated before
 * anything starts, so a bad file never leaves a failed execution behind.
 */
@Component
public class JobRuns {

    private final JobFileLoader loader;
    private final JobOperator operator;
    private final RunSummary summary;
    private final RunningJobs running;
    private final ConfigurableApplicationContext context;
    private final Clock clock;

    public JobRuns(JobFileLoader loader, JobOperator operator, RunSummary summary, RunningJobs running,
                   ConfigurableApplicationContext context) {
        this.loader = loader;
        this.operator = operator;
        this.summary = summary;
        this.running = running;
        this.context = context;
        this.clock = Clock.systemUTC();
    }

    /** Runs the job and returns the exit code: 0 when it completed. */
    public int start(Job batchJob, Path jobFile, String runId) throws Exception {
        JobDefinition job = loader.load(jobFile);
        String run = runId == null ? RunParameters.newRunId(clock) : runId;
        System.out.printf("%s: job %s, run %s%n", batchJob.getName(), job.name(), run);
        return whileStoppable(() -> operator.start(batchJob, RunParameters.of(job, run)));
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
        for (JobExecution execution : running.current()) {
            System.err.printf("%nstopping execution %d at the next chunk boundary...%n", execution.getId());
            try {
                operator.stop(execution);
            } catch (Exception e) {
                System.err.println("cannot stop execution " + execution.getId() + ": " + e.getMessage());
            }
        }
        try {
            if (!reported.await(STOP_PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
                System.err.println("the job did not stop within " + STOP_PATIENCE.toMinutes()
                        + " minutes; exiting anyway (restart recovers it)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the JVM halts when this hook returns: the database must have written the STOPPED status
        // first (H2 writes its last commits to disk when it closes)
        context.close();
    }

    /** Long enough for a chunk to finish: the slowest is a fetch that runs into its timeouts. */
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(5);

    public int report(JobExecution execution) {
        summary.print(execution, System.out);
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
