package org.postbinder.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

import org.postbinder.job.JobDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Fires each scheduled job at the times its cron expression gives, in its zone, and follows the
 * jobs folder: a new, changed or removed schedule is picked up at the next check. Each firing is
 * scheduled as a one-off at its exact time, so the run knows the time it was scheduled for (its
 * identity); a firing missed while no server ran is caught up at start for jobs that ask for it.
 */
@Component
public class NightlyScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);

    private final JobCatalog catalog;
    private final Firings firings;
    private final ScheduledRuns history;
    private final ScheduleProperties properties;
    private final Clock clock;
    private final ThreadPoolTaskScheduler timer = new ThreadPoolTaskScheduler();
    /** The next firing of each scheduled job, with the schedule it was computed from. */
    private final Map<String, Pending> pending = new HashMap<>();

    @Autowired
    public NightlyScheduler(JobCatalog catalog, Firings firings, ScheduledRuns history, ScheduleProperties properties) {
        this(catalog, firings, history, properties, Clock.systemUTC());
    }

    NightlyScheduler(JobCatalog catalog, Firings firings, ScheduledRuns history, ScheduleProperties properties, Clock clock) {
        this.catalog = catalog;
        this.firings = firings;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
        timer.setThreadNamePrefix("postbinder-schedule-");
        timer.setPoolSize(1);
    }

    private record Pending(JobDefinition.Schedule schedule, Instant at, ScheduledFuture<?> future) {}

    /** Loads the jobs, catches up missed firings, schedules the next ones and starts watching the folder. */
    public void start() {
        timer.initialize();
        catalog.refresh();
        catalog.entries().stream().flatMap(entry -> entry.job().stream()).forEach(this::catchUp);
        synchronize();
        timer.scheduleWithFixedDelay(this::reload, clock.instant().plus(properties.reloadInterval()),
                properties.reloadInterval());
    }

    /** When the job fires next, if it is scheduled. */
    public synchronized Optional<Instant> nextRun(String job) {
        return Optional.ofNullable(pending.get(job)).map(Pending::at);
    }

    @Override
    public void destroy() {
        timer.shutdown();
    }

    private void reload() {
        try {
            if (catalog.refresh()) {
                synchronize();
            }
        } catch (RuntimeException e) {
            log.warn("cannot read the jobs folder: {}", e.getMessage());
        }
    }

    /** Cancels the firings of jobs that are gone or whose schedule changed, and schedules what is missing. */
    private synchronized void synchronize() {
        Map<String, JobDefinition.Schedule> wanted = new HashMap<>();
        catalog.entries().forEach(entry -> entry.job()
                .ifPresent(job -> job.schedule().ifPresent(schedule -> wanted.put(job.name(), schedule))));
        pending.entrySet().removeIf(entry -> {
            boolean stale = !entry.getValue().schedule().equals(wanted.get(entry.getKey()));
            if (stale) {
                entry.getValue().future().cancel(false);
                log.info("job {}: schedule {} removed", entry.getKey(), entry.getValue().schedule().cron());
            }
            return stale;
        });
        wanted.forEach((job, schedule) -> {
            if (!pending.containsKey(job)) {
                scheduleAfter(job, schedule, clock.instant());
                log.info("job {}: scheduled '{}' ({}), next run {}", job, schedule.cron(), schedule.zone(), pending.get(job).at());
            }
        });
    }

    private synchronized void scheduleAfter(String job, JobDefinition.Schedule schedule, Instant after) {
        Instant at = next(schedule, after);
        ScheduledFuture<?> future = timer.schedule(() -> fire(job, schedule, at), at);
        pending.put(job, new Pending(schedule, at, future));
    }

    private void fire(String job, JobDefinition.Schedule schedule, Instant at) {
        synchronized (this) {
            Pending current = pending.get(job);
            if (current == null || !current.at().equals(at)) {
                return; // rescheduled meanwhile
            }
            scheduleAfter(job, schedule, at);
        }
        firings.fire(job, at);
    }

    /**
     * Runs the latest firing missed since the last one any server recorded (within the catch-up
     * window), once: a server that was down for a week runs last night, not seven nights.
     */
    private void catchUp(JobDefinition job) {
        if (job.schedule().isEmpty() || !job.schedule().get().catchUp()) {
            return;
        }
        Instant now = clock.instant();
        Instant windowStart = now.minus(properties.catchUpWindow());
        Instant from = history.latest(job.name()).filter(last -> last.isAfter(windowStart)).orElse(windowStart);
        Instant missed = null;
        for (Instant at = next(job.schedule().get(), from); !at.isAfter(now); at = next(job.schedule().get(), at)) {
            missed = at;
        }
        if (missed != null) {
            log.info("job {}: catching up the run scheduled for {}", job.name(), missed);
            firings.fire(job.name(), missed);
        }
    }

    static Instant next(JobDefinition.Schedule schedule, Instant after) {
        ZonedDateTime next = CronExpression.parse(schedule.cron()).next(after.atZone(schedule.zone()));
        if (next == null) {
            // a cron expression that never fires again (a date in the past): park it far away
            return after.plus(Duration.ofDays(365 * 100));
        }
        return next.toInstant();
    }
}
