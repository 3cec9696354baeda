package org.postbinder.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.postbinder.crawl.CrawlCounts;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.Frontier;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Shows how a crawl is going, whichever partitions do the work: a status line with the URLs found,
 * visited, skipped and queued, the rate and the time left, read from the frontier every second on a
 * terminal and every {@value #LOG_EVERY_SECONDS} seconds in a log.
 */
class CrawlProgressListener implements StepExecutionListener {

    private static final long LOG_EVERY_SECONDS = 10;

    private final Frontier frontier;
    private final ProgressConsole console;
    private final Map<Long, ScheduledExecutorService> running = new ConcurrentHashMap<>();

    CrawlProgressListener(Frontier frontier, ProgressConsole console) {
        this.frontier = frontier;
        this.console = console;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String job = stepExecution.getJobParameters().getString(RunParameters.JOB, "");
        String run = stepExecution.getJobParameters().getString(RunParameters.RUN, "");
        Rate rate = new Rate(visited(job, run), System.nanoTime());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "crawl-progress-" + run);
            thread.setDaemon(true);
            return thread;
        });
        long every = console.isTerminal() ? 1 : LOG_EVERY_SECONDS;
        ticker.scheduleAtFixedRate(() -> console.status(status(job, run, rate)), every, every, TimeUnit.SECONDS);
        running.put(stepExecution.getId(), ticker);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        ScheduledExecutorService ticker = running.remove(stepExecution.getId());
        if (ticker != null) {
            ticker.shutdownNow();
        }
        console.endStatus();
        return stepExecution.getExitStatus();
    }

    /** "crawl: 532 found, 120 visited, 2 skipped, 410 queued · 4.2 URLs/s · about 1m38s left" */
    private String status(String job, String run, Rate rate) {
        CrawlCounts counts = frontier.counts(job, run);
        int queued = counts.of(EntryStatus.PENDING);
        int found = counts.discovered();
        int skipped = counts.of(EntryStatus.SKIPPED);
        int visited = found - queued;
        double perSecond = rate.perSecond(visited, System.nanoTime());
        String left = perSecond > 0 ? " · about " + format(Duration.ofSeconds(Math.round(queued / perSecond))) + " left" : "";
        return String.format("crawl: %d found, %d visited, %d skipped, %d queued · %.1f URLs/s%s",
                found, visited - skipped, skipped, queued, perSecond, left);
    }

    private int visited(String job, String run) {
        CrawlCounts counts = frontier.counts(job, run);
        return counts.discovered() - counts.of(EntryStatus.PENDING);
    }

    /** URLs visited per second since this execution of the step started (a restart counts afresh). */
    private record Rate(int visitedAtStart, long startNanos) {
        double perSecond(int visitedNow, long nowNanos) {
            return (visitedNow - visitedAtStart) / Math.max(0.001, (nowNanos - startNanos) / 1e9);
        }
    }

    private static String format(Duration duration) {
        return duration.toHours() > 0 ? duration.toHours() + "h" + duration.toMinutesPart() + "m"
                : duration.toMinutes() > 0 ? duration.toMinutes() + "m" + duration.toSecondsPart() + "s"
                : duration.toSeconds() + "s";
    }
}
