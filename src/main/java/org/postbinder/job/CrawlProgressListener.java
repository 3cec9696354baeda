package org.postbinder.job;

import java.time.Duration;
import java.util.Map;

import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.Frontier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows a crawl's progress: one line per visited URL as it is written, and every
 * {@value #EVERY_SECONDS} seconds a status line with the counts, the rate and the time left.
 */
class CrawlProgressListener implements ItemWriteListener<CrawlResult>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");
    private static final long EVERY_SECONDS = 10;

    private final Frontier frontier;
    private String job = "";
    private String run = "";
    private long startedNanos;
    private long lastStatusNanos;
    private int visited;

    CrawlProgressListener(Frontier frontier) {
        this.frontier = frontier;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        job = stepExecution.getJobParameters().getString(RunParameters.JOB, "");
        run = stepExecution.getJobParameters().getString(RunParameters.RUN, "");
        startedNanos = System.nanoTime();
        lastStatusNanos = startedNanos;
        visited = 0;
    }

    @Override
    public void afterWrite(Chunk<? extends CrawlResult> results) {
        for (CrawlResult result : results) {
            visited++;
            String url = result.entry().url().toString();
            switch (result.status()) {
                case STORED -> log.info("  stored      {}  \"{}\"", url, result.post().map(p -> p.title()).orElse(""));
                case SKIPPED -> log.info("  skipped     {}  ({})", url, result.reason());
                case VISITED -> log.info("  read        {}  ({} links)", url, result.links().size());
                case NOT_A_POST -> log.info("  not a post  {}", url);
                case UNCHANGED -> log.info("  unchanged   {}", url);
                case PENDING -> log.info("  retry later {}  ({})", url, result.reason());
            }
        }
        long now = System.nanoTime();
        if (now - lastStatusNanos >= Duration.ofSeconds(EVERY_SECONDS).toNanos()) {
            lastStatusNanos = now;
            log.info(status(now));
        }
    }

    /** "progress: 120 done, 340 queued, 2 skipped, 4.2 URLs/s, about 1m21s left" */
    private String status(long now) {
        Map<EntryStatus, Integer> counts = frontier.countByStatus(job, run);
        int queued = counts.getOrDefault(EntryStatus.PENDING, 0);
        int done = counts.values().stream().mapToInt(Integer::intValue).sum() - queued;
        double seconds = Math.max(0.001, (now - startedNanos) / 1e9);
        double rate = visited / seconds;
        String left = rate > 0 ? "about " + format(Duration.ofSeconds(Math.round(queued / rate))) + " left" : "";
        return String.format("progress: %d done, %d queued, %d skipped, %.1f URLs/s, %s", done, queued,
                counts.getOrDefault(EntryStatus.SKIPPED, 0), rate, left);
    }

    private static String format(Duration duration) {
        return duration.toHours() > 0 ? duration.toHours() + "h" + duration.toMinutesPart() + "m"
                : duration.toMinutes() > 0 ? duration.toMinutes() + "m" + duration.toSecondsPart() + "s"
                : duration.toSeconds() + "s";
    }
}
