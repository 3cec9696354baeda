package org.postbinder.cli;

import java.nio.file.Path;
import java.time.Clock;

import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobFileLoader;
import org.postbinder.job.RunParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
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
    private final Clock clock;

    public JobRuns(JobFileLoader loader, JobOperator operator, RunSummary summary) {
        this.loader = loader;
        this.operator = operator;
        this.summary = summary;
        this.clock = Clock.systemUTC();
    }

    /** Runs the job and returns the exit code: 0 when it completed. */
    public int start(Job batchJob, Path jobFile, String runId) throws Exception {
        JobDefinition job = loader.load(jobFile);
        String run = runId == null ? RunParameters.newRunId(clock) : runId;
        System.out.printf("%s: job %s, run %s%n", batchJob.getName(), job.name(), run);
        JobExecution execution = operator.start(batchJob, RunParameters.of(job, run));
        return report(execution);
    }

    public int report(JobExecution execution) {
        summary.print(execution, System.out);
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
