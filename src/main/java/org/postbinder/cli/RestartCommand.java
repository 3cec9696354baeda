package org.postbinder.cli;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.postbinder.job.RunRecorder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
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

    private final JobRepository repository;
    private final JobOperator operator;
    private final JobRuns runs;

    public RestartCommand(JobRepository repository, JobOperator operator, JobRuns runs) {
        this.repository = repository;
        this.operator = operator;
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution execution = find(executionId);
        if (execution == null) {
            throw new IllegalArgumentException("no execution " + executionId + " (see `postbinder runs`)");
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new IllegalStateException("execution " + executionId + " completed; there is nothing to restart");
        }
        if (execution.isRunning()) {
            if (ownerIsAlive(execution)) {
                throw new IllegalStateException("execution " + executionId + " is still running in process "
                        + execution.getExecutionContext().getLong(RunRecorder.PID));
            }
            System.out.println("Execution " + executionId + " was left running by a process that is gone; marking it failed.");
            execution = operator.recover(execution);
        }
        JobExecution restartable = execution;
        System.out.println("Restarting execution " + executionId + " (" + restartable.getJobInstance().getJobName() + ")");
        return runs.whileStoppable(() -> operator.restart(restartable));
    }

    private @Nullable JobExecution find(long id) {
        try {
            return repository.getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    private static boolean ownerIsAlive(JobExecution execution) {
        if (!execution.getExecutionContext().containsKey(RunRecorder.PID)) {
            return false;
        }
        boolean sameHost = RunRecorder.hostName().equals(execution.getExecutionContext().getString(RunRecorder.HOST, ""));
        long pid = execution.getExecutionContext().getLong(RunRecorder.PID);
        // On another host we cannot tell; assume alive rather than run the same night twice.
        return !sameHost || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
