package org.postbinder.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.postbinder.job.ProcessOwner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The firings of job schedules, one row per job and scheduled time: whichever server records a
 * firing first runs it, so a night never runs twice, however many servers share the database.
 */
@Repository
public class ScheduledRuns {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public ScheduledRuns(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ScheduledRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the firing for this process; false when another process (or an earlier start) did. */
    public boolean claim(String job, Instant scheduledAt, String run) {
        try {
            jdbc.sql("""
                            insert into scheduled_runs (job_name, scheduled_at, run_id, claimed_by, claimed_at)
                            values (:job, :at, :run, :by, :now)
                            """)
                    .param("job", job).param("at", utc(scheduledAt)).param("run", run)
                    .param("by", ProcessOwner.current().toString()).param("now", utc(clock.instant()))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** How the firing ended: the run's exit status, or why it did not run. */
    public void finish(String job, Instant scheduledAt, String outcome) {
        jdbc.sql("update scheduled_runs set outcome = :outcome where job_name = :job and scheduled_at = :at")
                .param("outcome", outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome)
                .param("job", job).param("at", utc(scheduledAt))
                .update();
    }

    /** The latest firing of the job that any server recorded. */
    public Optional<Instant> latest(String job) {
        return jdbc.sql("""
                        select scheduled_at from scheduled_runs where job_name = :job
                        order by scheduled_at desc fetch first 1 rows only
                        """)
                .param("job", job)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
