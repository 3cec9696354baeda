package org.postbinder.cli;

import org.postbinder.job.ArchiveJobConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** {@code postbinder run JOBFILE}: Crawl the job's sources, then export and publish the archive. */
@Component
@Command(name = "run", mixinStandardHelpOptions = true, description = "Crawl the job's sources, then export and publish the archive.")
public class RunCommand extends JobFileCommand {

    public RunCommand(JobRuns runs, @Qualifier(ArchiveJobConfiguration.ARCHIVE_JOB) Job job) {
        super(runs, job);
    }
}
