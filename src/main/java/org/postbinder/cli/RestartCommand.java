package org.postbinder.cli;

import java.util.concurrent.Callable;

import org.postbinder.job.RunStarter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code postbinder restart EXECUTION-ID}: continues a failed, stopped or killed run where it
 * stopped. A run left STARTED by a process that no longer exists (killed, or the machine went down)
 * is first marked failed; a run whose process is still alive is left alone.
 */
@Component
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart a failed, stopped or killed run from where it stopped.")
public class RestartCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EXECUTION-ID", description = "the execution id, as `runs` lists it")
    long executionId;

    private final RunStarter starter;
    private final JobRuns runs;

    public RestartCommand(RunStarter starter, JobRuns runs) {
        this.starter = starter;
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution = starter.restartable(executionId);
        if (execution.isRunning()) {
            System.out.println("Execution " + executionId + " was left running by a process that is gone; marking it failed.");
        }
        System.out.println("Restarting execution " + executionId + " (" + execution.getJobInstance().getJobName() + ")");
        return runs.whileStoppable(() -> starter.restart(executionId));
    }
}
