package org.postbinder.job;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.Frontier;
import org.postbinder.export.ArchiveLocation;
import org.postbinder.export.ArchivePublisher;
import org.postbinder.export.Manifest;
import org.postbinder.extract.DateParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the manifest of a run (counts from the frontier and the export step, skipped URLs with
 * their reasons, file checksums) and publishes the staged archive atomically.
 */
public class PublishArchiveTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final ArchivePublisher publisher;
    private final Frontier frontier;
    private final JobDefinition job;
    private final ArchiveLocation location;

    public PublishArchiveTasklet(ArchivePublisher publisher, Frontier frontier, JobDefinition job, ArchiveLocation location) {
        this.publisher = publisher;
        this.frontier = frontier;
        this.job = job;
        this.location = location;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<EntryStatus, Integer> byStatus = frontier.countByStatus(job.name(), location.run());
        counts.put("discovered", byStatus.values().stream().mapToInt(Integer::intValue).sum());
        for (EntryStatus status : EntryStatus.values()) {
            counts.put(status.name().toLowerCase().replace('_', '-'), byStatus.getOrDefault(status, 0));
        }
        counts.put("exported", (int) exportedPosts(step));
        Map<String, String> parameters = new TreeMap<>();
        step.getJobExecution().getJobParameters().parameters()
                .forEach(parameter -> parameters.put(parameter.name(), String.valueOf(parameter.value())));
        Manifest manifest = new Manifest(1, job.name(), job.title(), location.run(), job.file().toString(), parameters,
                "snapshot",
                iso(step.getJobExecution().getStartTime()), DateParser.ISO.format(Instant.now().atOffset(ZoneOffset.UTC)),
                counts,
                frontier.skipped(job.name(), location.run()).stream()
                        .map(skip -> new Manifest.Skipped(skip.url(), skip.reason())).toList(),
                publisher.stagedFiles(location));
        log.info("publishing {}", location.published());
        publisher.publish(location, manifest);
        return RepeatStatus.FINISHED;
    }

    private static long exportedPosts(StepExecution publishStep) {
        return publishStep.getJobExecution().getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(ArchiveJobConfiguration.EXPORT_STEP))
                .mapToLong(StepExecution::getWriteCount)
                .max().orElse(0);
    }

    private static String iso(java.time.LocalDateTime localStart) {
        return localStart == null ? null
                : DateParser.ISO.format(localStart.atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime());
    }
}
