package org.postbinder.cli;

import org.postbinder.job.ArchiveJobConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** {@code postbinder export JOBFILE}: Export and publish an archive of the posts the job has stored. */
@Component
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export and publish an archive of the posts the job has stored.")
public class ExportCommand extends JobFileCommand {

    public ExportCommand(JobRuns runs, @Qualifier(ArchiveJobConfiguration.EXPORT_JOB) Job job) {
        super(runs, job);
    }
}
