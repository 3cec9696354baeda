package org.postbinder.cli;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.postbinder.job.ArchiveJobConfiguration;
import org.postbinder.job.RunParameters;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code postbinder runs}: the history of runs, newest first, from the job repository. */
@Component
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List past runs, newest first.")
public class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--limit", defaultValue = "20", description = "how many runs to show (default: ${DEFAULT-VALUE})")
    int limit;

    private final JobRepository repository;

    public RunsCommand(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public Integer call() {
        List<JobExecution> executions = List.of(ArchiveJobConfiguration.ARCHIVE_JOB, ArchiveJobConfiguration.CRAWL_JOB,
                        ArchiveJobConfiguration.EXPORT_JOB).stream()
                .flatMap(name -> repository.getJobInstances(name, 0, limit).stream())
                .flatMap(instance -> repository.getJobExecutions(instance).stream())
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
                .limit(limit)
                .toList();
        if (executions.isEmpty()) {
            System.out.println("No runs yet.");
            return 0;
        }
        System.out.printf("%-6s %-16s %-16s %-15s %-10s %-19s %8s  %s%n",
                "ID", "JOB", "RUN", "KIND", "STATUS", "STARTED", "SECONDS", "EXIT");
        for (JobExecution execution : executions) {
            System.out.printf("%-6d %-16s %-16s %-15s %-10s %-19s %8s  %s%n",
                    execution.getId(),
                    execution.getJobParameters().getString(RunParameters.JOB),
                    execution.getJobParameters().getString(RunParameters.RUN),
                    execution.getJobInstance().getJobName(),
                    execution.getStatus(),
                    execution.getStartTime() == null ? "" : TIME.format(execution.getStartTime()),
                    seconds(execution),
                    execution.getExitStatus().getExitCode());
        }
        return 0;
    }

    private static String seconds(JobExecution execution) {
        return RunSummary.took(execution).map(took -> String.valueOf(took.toSeconds())).orElse("");
    }
}
