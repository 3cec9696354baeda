package org.postbinder.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.postbinder.crawl.CrawlCounts;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.Frontier;
import org.postbinder.export.OutputProperties;
import org.postbinder.job.ArchiveJobConfiguration;
import org.postbinder.job.LearnSiteFurnitureTasklet;
import org.postbinder.job.RunFailures;
import org.postbinder.job.RunParameters;
import org.postbinder.job.SkipReasons;
import org.postbinder.media.ImageTable;
import org.postbinder.store.PostRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The end-of-run report: status, what the crawl found and skipped (grouped by reason), posts in
 * the store, and the archive files with their paths and sizes.
 */
@Component
public class RunSummary {

    private final Frontier frontier;
    private final PostRepository posts;
    private final OutputProperties output;
    private final ImageTable images;

    public RunSummary(Frontier frontier, PostRepository posts, OutputProperties output, ImageTable images) {
        this.frontier = frontier;
        this.posts = posts;
        this.output = output;
        this.images = images;
    }

    public void print(JobExecution execution, PrintStream out) {
        JobParameters parameters = execution.getJobParameters();
        String job = parameters.getString(RunParameters.JOB);
        String run = parameters.getString(RunParameters.RUN);
        out.println();
        out.printf("Run %s of job %s: %s (execution %d%s)%n", run, job, execution.getStatus(), execution.getId(),
                duration(execution));
        CrawlCounts counts = frontier.counts(job, run);
        if (counts.discovered() > 0) {
            out.printf("  URLs discovered  %d (pages, sitemaps and feeds)%n", counts.discovered());
            out.printf("  fetched          %d%n", counts.fetched());
            out.printf("  posts stored     %d (new or changed)%n", counts.of(EntryStatus.STORED));
            out.printf("  unchanged        %d (not modified, or the same text)%n", counts.of(EntryStatus.UNCHANGED));
            out.printf("  duplicates       %d (another URL of a stored article: kept as its alias)%n",
                    counts.of(EntryStatus.DUPLICATE));
            printFirst(frontier.duplicates(job, run), out);
            out.printf("  not posts        %d (listings and other pages)%n", counts.of(EntryStatus.NOT_A_POST));
            out.printf("  sitemaps, feeds  %d%n", counts.of(EntryStatus.VISITED));
            out.printf("  skipped          %d%n", counts.of(EntryStatus.SKIPPED));
            printSkipped(job, run, out);
            if (counts.of(EntryStatus.PENDING) > 0) {
                out.printf("  still pending    %d (restart the run to finish them)%n", counts.of(EntryStatus.PENDING));
            }
        }
        out.printf("  posts in store   %d for job %s%n", posts.count(job), job);
        printImages(images.counts(job, run), out);
        printFurniture(execution, out);
        printFiles(output.location(job, run).published(), out);
        RunFailures.cause(execution)
                .ifPresent(failure -> out.println("  failure: " + OneLineReason.of(failure)));
        if (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED) {
            out.printf("  to continue where it stopped: postbinder restart %d%n", execution.getId());
        }
    }

    /** The images this run fetched or gave up, e.g. "images  12 stored, 2 skipped (too large: 1, not an image: 1)". */
    private static void printImages(ImageTable.RunCounts counts, PrintStream out) {
        if (counts.stored() + counts.skippedInAll() + counts.pending() == 0) {
            return;
        }
        String kinds = counts.skipped().entrySet().stream().map(kind -> kind.getKey() + ": " + kind.getValue())
                .collect(Collectors.joining(", "));
        out.printf("  images           %d stored, %d skipped%s%s%n", counts.stored(), counts.skippedInAll(),
                kinds.isEmpty() ? "" : " (" + kinds + ")",
                counts.pending() == 0 ? "" : ", " + counts.pending() + " still pending (tried again by the next run)");
    }

    /** What this execution learned as site furniture, and how many stored posts lost it. */
    private static void printFurniture(JobExecution execution, PrintStream out) {
        List<String> learned = step(execution, ArchiveJobConfiguration.LEARN_FURNITURE_STEP)
                .map(step -> step.getExecutionContext().get(LearnSiteFurnitureTasklet.LEARNED))
                .filter(List.class::isInstance).map(lines -> ((List<?>) lines).stream().map(String::valueOf).toList())
                .orElse(List.of());
        long cleaned = step(execution, ArchiveJobConfiguration.REMOVE_FURNITURE_STEP).map(StepExecution::getWriteCount).orElse(0L);
        if (!learned.isEmpty() || cleaned > 0) {
            out.printf("  site furniture   %d texts learned, removed from %d stored posts%n", learned.size(), cleaned);
            learned.forEach(line -> out.println("    " + line));
        }
    }

    private static java.util.Optional<StepExecution> step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(name)).findFirst();
    }

    private void printSkipped(String job, String run, PrintStream out) {
        Map<String, List<Frontier.SkippedUrl>> byReason = frontier.skipped(job, run).stream()
                .collect(Collectors.groupingBy(skip -> SkipReasons.kind(skip.reason()), TreeMap::new, Collectors.toList()));
        byReason.forEach((reason, urls) -> {
            out.printf("    %s (%d)%n", reason, urls.size());
            printFirst(urls, out);
        });
    }

    private static void printFirst(List<Frontier.SkippedUrl> urls, PrintStream out) {
        urls.stream().limit(5).forEach(skip -> out.printf("      %s  %s%n", skip.url(), skip.reason()));
    }

    private static void printFiles(Path folder, PrintStream out) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        out.println("  archive          " + folder.toAbsolutePath());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                out.printf("    %-36s %,d bytes%n", file.getFileName(), Files.size(file));
            }
        } catch (IOException e) {
            out.println("    (cannot list: " + e.getMessage() + ")");
        }
    }

    private static String duration(JobExecution execution) {
        return took(execution).map(took -> String.format(", %.1f s", took.toMillis() / 1000.0)).orElse("");
    }

    /** How long an execution ran; empty while it runs (or when a kill left it without an end). */
    static Optional<Duration> took(JobExecution execution) {
        if (execution.getStartTime() == null || execution.getEndTime() == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(execution.getStartTime(), execution.getEndTime()));
    }
}
