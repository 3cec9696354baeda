package org.postbinder.job;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.Frontier;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The meters of archive jobs, tagged by job, as {@code /actuator/prometheus} shows them:
 * {@code postbinder_fetches_total{outcome}}, {@code postbinder_fetched_bytes_total},
 * {@code postbinder_urls_visited_total{status}}, {@code postbinder_urls_skipped_total{reason}},
 * {@code postbinder_posts_stored_total}, {@code postbinder_export_seconds{format}} and
 * {@code postbinder_runs_total{status}}. Tags take their values from enums and from
 * {@link SkipReasons#kind}, never from a page, so a hostile site cannot flood the registry.
 * Registered as a listener of the jobs, it counts their outcomes.
 */
@Component
public class ArchiveMetrics implements JobExecutionListener {

    private final MeterRegistry registry;

    public ArchiveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One fetch, whatever became of it, and the bytes it downloaded. */
    void fetched(String job, FetchResult result) {
        counter("postbinder.fetches", job, "outcome", tag(result.outcome().name())).increment();
        result.page().ifPresent(page -> Counter.builder("postbinder.fetched.bytes").baseUnit("bytes")
                .tag("job", job).register(registry).increment(page.body().length));
    }

    /** One committed visit of a frontier URL. */
    void visited(String job, Frontier.Completion visit) {
        counter("postbinder.urls.visited", job, "status", tag(visit.status().name())).increment();
        if (visit.status() == EntryStatus.SKIPPED) {
            counter("postbinder.urls.skipped", job, "reason", SkipReasons.kind(visit.reason())).increment();
        }
        if (visit.status() == EntryStatus.STORED) {
            counter("postbinder.posts.stored", job).increment();
        }
    }

    /** The time spent writing one format's file of a job's archive. */
    public Timer export(String job, String format) {
        return Timer.builder("postbinder.export").tag("job", job).tag("format", tag(format)).register(registry);
    }

    @Override
    public void afterJob(JobExecution execution) {
        String job = execution.getJobParameters().getString(RunParameters.JOB, "");
        counter("postbinder.runs", job, "status", tag(execution.getStatus().name())).increment();
    }

    private Counter counter(String name, String job, String... tags) {
        return Counter.builder(name).tag("job", job).tags(tags).register(registry);
    }

    private static String tag(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
