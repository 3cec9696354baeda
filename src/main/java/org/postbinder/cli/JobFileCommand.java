package org.postbinder.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.Job;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A subcommand that runs one batch job for a job file: {@code run}, {@code crawl} and {@code export}. */
abstract class JobFileCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOBFILE", description = "the job file, e.g. jobs/demo.yml")
    Path jobFile;

    @Option(names = "--run-id", description = "run id (default: the current UTC time, yyyyMMdd-HHmmss); "
            + "giving the id of a failed run restarts it")
    String runId;

    private final JobRuns runs;
    private final Job job;

    JobFileCommand(JobRuns runs, Job job) {
        this.runs = runs;
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        return runs.start(job, jobFile, runId);
    }
}
