package org.postbinder.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.postbinder.crawl.CrawlCounts;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.Frontier;
import org.postbinder.export.PublishedArchives;
import org.postbinder.job.JobDefinition;
import org.postbinder.job.RunHistory;
import org.postbinder.job.SkipReasons;
import org.postbinder.schedule.CatalogEntry;
import org.postbinder.schedule.JobCatalog;
import org.postbinder.schedule.NightlyScheduler;
import org.postbinder.web.Views.ExecutionView;
import org.postbinder.web.Views.FileView;
import org.postbinder.web.Views.JobView;
import org.postbinder.web.Views.RunDetail;
import org.postbinder.web.Views.RunView;
import org.postbinder.web.Views.SkipGroup;
import org.postbinder.web.Views.SkippedUrlView;
import org.postbinder.web.Views.StepView;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/** Reads jobs, runs and archives into the views that the page and the API show. */
@Service
@ConditionalOnWebApplication
public class RunViews {

    /** Examples of skipped URLs shown per reason. */
    private static final int SKIP_EXAMPLES = 10;

    private final JobCatalog catalog;
    private final NightlyScheduler scheduler;
    private final RunHistory history;
    private final Frontier frontier;
    private final PublishedArchives archives;

    public RunViews(JobCatalog catalog, NightlyScheduler scheduler, RunHistory history, Frontier frontier,
                    PublishedArchives archives) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.history = history;
        this.frontier = frontier;
        this.archives = archives;
    }

    public List<JobView> jobs() {
        return catalog.entries().stream().map(this::job).toList();
    }

    public Optional<JobView> job(String name) {
        return catalog.entries().stream().filter(entry -> entry.name().equals(name)).findFirst().map(this::job);
    }

    public List<RunView> runs(String job, int limit) {
        return history.runs(job, limit).stream().map(this::run).toList();
    }

    public Optional<RunDetail> run(String job, String run) {
        return history.run(job, run).map(found -> new RunDetail(run(found),
                found.executions().stream().map(RunViews::execution).toList(),
                found.latest().getStepExecutions().stream()
                        .sorted(java.util.Comparator.comparingLong(StepExecution::getId)).map(RunViews::step).toList(),
                skipped(job, run),
                archives.files(job, run).stream()
                        .map(file -> new FileView(file.name(), file.size(), utc(file.modified()),
                                runPath(job, run) + "/files/" + file.name()))
                        .toList()));
    }

    /** The run's page, below which its files are; job names, run ids and file names need no escaping. */
    static String runPath(String job, String run) {
        return "/jobs/" + job + "/runs/" + run;
    }

    private JobView job(CatalogEntry entry) {
        Optional<JobDefinition> job = entry.job();
        String schedule = job.flatMap(JobDefinition::schedule)
                .map(s -> s.cron() + " (" + s.zone() + ")" + (s.catchUp() ? ", catch-up" : "")).orElse(null);
        RunView last = history.runs(entry.name(), 1).stream().findFirst().map(this::run).orElse(null);
        return new JobView(entry.name(), job.map(JobDefinition::title).orElse(entry.name()), entry.file().toString(),
                schedule, scheduler.nextRun(entry.name()).map(RunViews::utc).orElse(null), entry.error().orElse(null), last);
    }

    private RunView run(RunHistory.Run run) {
        JobExecution latest = run.latest();
        CrawlCounts counts = frontier.counts(run.job(), run.run());
        boolean running = run.isRunning();
        return new RunView(run.job(), run.run(), kind(latest), latest.getStatus().name(), running,
                !running && latest.getStatus() != BatchStatus.COMPLETED && latest.getStatus() != BatchStatus.ABANDONED,
                utc(latest.getStartTime()), utc(latest.getEndTime()), seconds(latest.getStartTime(), latest.getEndTime()),
                counts.fetched(), counts.of(EntryStatus.SKIPPED), counts.of(EntryStatus.STORED), counts.of(EntryStatus.PENDING),
                latest.getExitStatus().getExitCode(), firstLine(latest.getExitStatus().getExitDescription()),
                run.executions().size());
    }

    private List<SkipGroup> skipped(String job, String run) {
        Map<String, List<Frontier.SkippedUrl>> byReason = frontier.skipped(job, run).stream()
                .collect(Collectors.groupingBy(skip -> SkipReasons.kind(skip.reason()), TreeMap::new, Collectors.toList()));
        return byReason.entrySet().stream()
                .map(entry -> new SkipGroup(entry.getKey(), entry.getValue().size(), entry.getValue().stream()
                        .limit(SKIP_EXAMPLES).map(skip -> new SkippedUrlView(skip.url(), skip.reason())).toList()))
                .toList();
    }

    private static ExecutionView execution(JobExecution execution) {
        return new ExecutionView(execution.getId(), kind(execution), execution.getStatus().name(),
                utc(execution.getStartTime()), utc(execution.getEndTime()), execution.getExitStatus().getExitCode());
    }

    private static StepView step(StepExecution step) {
        return new StepView(step.getStepName(), step.getStatus().name(), step.getReadCount(), step.getWriteCount(),
                step.getSkipCount(), step.getCommitCount(), seconds(step.getStartTime(), step.getEndTime()),
                step.getExitStatus().getExitCode());
    }

    /** "run", "crawl" or "export", from the batch job's name. */
    private static String kind(JobExecution execution) {
        String name = execution.getJobInstance().getJobName();
        return name.replaceFirst("^post", "").replaceFirst("Job$", "").replace("Archive", "run").toLowerCase(java.util.Locale.ROOT);
    }

    /** The first line of an exit description; none when it is empty (a run that completed). */
    private static @Nullable String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    private static @Nullable Long seconds(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
        return start == null || end == null ? null : Duration.between(start, end).toSeconds();
    }

    /** The job repository keeps local times of this machine. */
    private static @Nullable OffsetDateTime utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
