package org.postbinder.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the page and the API show: small immutable records, the same for HTML and JSON. */
public final class Views {

    private Views() {
    }

    /** A job as the jobs folder has it, with its schedule and its latest run. */
    public record JobView(String name, String title, String file, @Nullable String schedule,
                          @Nullable OffsetDateTime nextRun, @Nullable String error, @Nullable RunView lastRun) {}

    /** One run: its latest execution's status and the crawl's figures. */
    public record RunView(String job, String run, String kind, String status, boolean running, boolean restartable,
                          @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt,
                          @Nullable Long durationSeconds, int fetched, int skipped, int postsStored, int pending,
                          String exitCode, @Nullable String exitMessage, int executions) {}

    /** A run in full: every execution, the latest one's steps, skipped URLs by reason, and the archive. */
    public record RunDetail(RunView run, List<ExecutionView> executions, List<StepView> steps,
                            List<SkipGroup> skipped, List<FileView> files) {}

    public record ExecutionView(long id, String kind, String status, @Nullable OffsetDateTime startedAt,
                                @Nullable OffsetDateTime endedAt, String exitCode) {}

    public record StepView(String name, String status, long read, long written, long skipped, long commits,
                           @Nullable Long durationSeconds, String exitCode) {}

    /** Skipped URLs with one reason; the first few as examples. */
    public record SkipGroup(String reason, int count, List<SkippedUrlView> examples) {}

    public record SkippedUrlView(String url, String reason) {}

    /** A published file with its download path, relative to the run's URL. */
    public record FileView(String name, long size, OffsetDateTime modified, String href) {}
}
