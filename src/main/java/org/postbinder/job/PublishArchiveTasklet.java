package org.postbinder.job;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.postbinder.crawl.CrawlCounts;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.Frontier;
import org.postbinder.export.ArchiveLocation;
import org.postbinder.export.ArchivePublisher;
import org.postbinder.export.ExportWindows;
import org.postbinder.export.Manifest;
import org.postbinder.extract.DateParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the manifest of a run (counts from the frontier and the export step, skipped URLs with
 * their reasons, file checksums) and publishes the staged archive atomically.
 */
class PublishArchiveTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final ArchivePublisher publisher;
    private final JobRepository repository;
    private final Frontier frontier;
    private final ExportWindows windows;
    private final JobDefinition job;
    private final ArchiveLocation location;

    PublishArchiveTasklet(ArchivePublisher publisher, JobRepository repository, Frontier frontier, ExportWindows windows,
                          JobDefinition job, ArchiveLocation location) {
        this.publisher = publisher;
        this.repository = repository;
        this.frontier = frontier;
        this.windows = windows;
        this.job = job;
        this.location = location;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        if (publisher.isPublished(location)) {
            // a crash after the rename and before this step's commit: the archive is already out
            log.info("already published {}", location.published());
            publisher.discardStaging(location);
            windows.published(job.name(), location.run());
            return RepeatStatus.FINISHED;
        }
        ExportWindows.Window window = windows.open(job.name(), location.run(), job.export().mode());
        JobInstance instance = step.getJobExecution().getJobInstance();
        boolean json = job.export().formats().contains(JobDefinition.Format.JSON)
                || job.export().formats().contains(JobDefinition.Format.JSONL);
        String schema = json ? publisher.stageRecordSchema(location) : null;
        Manifest manifest = new Manifest(1, job.name(), job.title(), location.run(), job.file().toString(),
                parameters(step), window.mode().name().toLowerCase(Locale.ROOT),
                new Manifest.Window(window.from().map(PublishArchiveTasklet::iso).orElse(null), iso(window.to())),
                schema, firstStart(instance),
                iso(Instant.now()), counts(instance),
                frontier.skipped(job.name(), location.run()).stream()
                        .map(skip -> new Manifest.Skipped(skip.url(), skip.reason())).toList(),
                publisher.stagedFiles(location));
        log.info("publishing {}", location.published());
        publisher.publish(location, manifest);
        windows.published(job.name(), location.run());
        return RepeatStatus.FINISHED;
    }

    private static String iso(Instant instant) {
        return DateParser.ISO.format(instant.atOffset(ZoneOffset.UTC));
    }

    private Map<String, Integer> counts(JobInstance instance) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        CrawlCounts byStatus = frontier.counts(job.name(), location.run());
        counts.put("discovered", byStatus.discovered());
        for (EntryStatus status : EntryStatus.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT).replace('_', '-'), byStatus.of(status));
        }
        // the export may have completed in an earlier execution of this run, before a restart
        StepExecution export = repository.getLastStepExecution(instance, ArchiveJobConfiguration.EXPORT_STEP);
        counts.put("exported", export == null ? 0 : (int) export.getWriteCount());
        return counts;
    }

    private static Map<String, String> parameters(StepExecution step) {
        Map<String, String> parameters = new TreeMap<>();
        step.getJobExecution().getJobParameters().parameters()
                .forEach(parameter -> parameters.put(parameter.name(), String.valueOf(parameter.value())));
        return parameters;
    }

    /** When the run began: the start of its first execution, not of the restart that publishes it. */
    private @Nullable String firstStart(JobInstance instance) {
        return repository.getJobExecutions(instance).stream()
                .map(JobExecution::getStartTime)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(start -> DateParser.ISO.format(start.atZone(ZoneId.systemDefault()).toOffsetDateTime()))
                .orElse(null);
    }
}
