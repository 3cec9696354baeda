package org.postbinder.cli;

import org.postbinder.job.ArchiveJobConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** {@code postbinder crawl JOBFILE}: Crawl the job's sources into the store, without exporting. */
@Component
@Command(name = "crawl", mixinStandardHelpOptions = true, description = "Crawl the job's sources into the store, without exporting.")
public class CrawlCommand extends JobFileCommand {

    public CrawlCommand(JobRuns runs, @Qualifier(ArchiveJobConfiguration.CRAWL_JOB) Job job) {
        super(runs, job);
    }
}
