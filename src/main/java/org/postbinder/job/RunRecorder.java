package org.postbinder.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records which process runs a job execution, in its execution context. After a kill the execution
 * stays STARTED in the job repository; the recorded process id is how {@code restart} tells a run
 * that is still going from one whose process is gone.
 */
public class RunRecorder implements JobExecutionListener {

    private final JobRepository repository;

    public RunRecorder(JobRepository repository) {
        this.repository = repository;
    }

    public static final String PID = "postbinder.pid";
    public static final String HOST = "postbinder.host";

    @Override
    public void beforeJob(JobExecution execution) {
        ProcessOwner me = ProcessOwner.current();
        execution.getExecutionContext().putLong(PID, me.pid());
        execution.getExecutionContext().putString(HOST, me.host());
        // saved now: Spring Batch would only save the context after the first step, and a restarted
        // execution starts with the context (and the dead process id) of the one before
        repository.updateExecutionContext(execution);
    }

    /** The process recorded as running the execution, if any was. */
    public static java.util.Optional<ProcessOwner> owner(JobExecution execution) {
        if (!execution.getExecutionContext().containsKey(PID)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ProcessOwner(execution.getExecutionContext().getString(HOST, ""),
                execution.getExecutionContext().getLong(PID)));
    }
}
