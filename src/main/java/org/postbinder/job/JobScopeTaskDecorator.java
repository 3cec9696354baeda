package org.postbinder.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.JobContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the job scope into the threads that run a partitioned step's partitions. Spring Batch
 * keeps the current job execution in a thread-local of the thread that runs the job, so job-scoped
 * beans (the run's job file, its WARC archive) would not resolve in a partition's thread; the task
 * is decorated in the job's thread, where the execution is known, and runs with it registered.
 */
class JobScopeTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        JobContext context = JobSynchronizationManager.getContext();
        if (context == null) {
            return task;
        }
        JobExecution execution = context.getJobExecution();
        return () -> {
            JobSynchronizationManager.register(execution);
            try {
                task.run();
            } finally {
                // close, not release: releasing would destroy the job-scoped beans the job's other
                // partitions are still using
                JobSynchronizationManager.close();
            }
        };
    }
}
