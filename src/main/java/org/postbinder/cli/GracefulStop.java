package org.postbinder.cli;

import java.time.Duration;

import org.postbinder.job.RunningJobs;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What SIGTERM (or Ctrl-C) does to a process that runs jobs: each running job is asked to stop;
 * its steps stop at their next chunk boundary and it ends STOPPED, to be restarted where it
 * stopped. Then the Spring context is closed, so that the database writes its last commits
 * (the STOPPED status among them) before the JVM halts.
 */
@Component
class GracefulStop {

    /** Long enough for a chunk to finish: the slowest is a fetch that runs into its timeouts. */
    static final Duration PATIENCE = Duration.ofMinutes(5);

    private final JobOperator operator;
    private final RunningJobs running;
    private final ConfigurableApplicationContext context;

    GracefulStop(JobOperator operator, RunningJobs running, ConfigurableApplicationContext context) {
        this.operator = operator;
        this.running = running;
        this.context = context;
    }

    void stopRunningJobs() {
        for (JobExecution execution : running.current()) {
            System.err.printf("%nstopping execution %d at the next chunk boundary...%n", execution.getId());
            try {
                operator.stop(execution);
            } catch (Exception e) {
                System.err.println("cannot stop execution " + execution.getId() + ": " + e.getMessage());
            }
        }
    }

    /** Waits for the jobs of this process to end, up to {@link #PATIENCE}. */
    void awaitJobs() throws InterruptedException {
        if (!running.awaitNone(PATIENCE)) {
            warnPatienceRanOut();
        }
    }

    static void warnPatienceRanOut() {
        System.err.println("the job did not stop within " + PATIENCE.toMinutes() + " minutes; exiting anyway (restart recovers it)");
    }

    void closeContext() {
        context.close();
    }
}
