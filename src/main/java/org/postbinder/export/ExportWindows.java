package org.postbinder.export;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The window of posts each run's archive covers: from the end of the job's last published
 * archive (incremental) or from the beginning (snapshot), to the moment the run's export first
 * started. It is fixed then and kept, so a restarted export exports the same posts, and a post
 * changed while the archive was being written goes into the next one.
 */
@Repository
public class ExportWindows {

    private final JdbcClient jdbc;

    public ExportWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Posts whose text was stored or changed after {@code from} (if any) and at or before {@code to}. */
    public record Window(ArchiveMode mode, Optional<Instant> from, Instant to) {}

    /** The run's window: fixed on the first call, the same on every later one. */
    public Window open(String job, String run, ArchiveMode mode) {
        Optional<Window> known = find(job, run);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<Instant> from = mode == ArchiveMode.INCREMENTAL ? lastPublishedEnd(job) : Optional.empty();
        // the database keeps microseconds: a restart must read back exactly this window
        Instant to = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into exports (job_name, run_id, mode, window_from, window_to)
                        values (:job, :run, :mode, :from, :to)
                        """)
                .param("job", job).param("run", run).param("mode", mode.name())
                .param("from", from.map(Timestamp::from).orElse(null)).param("to", Timestamp.from(to))
                .update();
        return new Window(mode, from, to);
    }

    /** The run's archive is out: the next incremental archive of the job starts where this one ended. */
    public void published(String job, String run) {
        jdbc.sql("update exports set published_at = :now where job_name = :job and run_id = :run and published_at is null")
                .param("now", Timestamp.from(Instant.now())).param("job", job).param("run", run).update();
    }

    private Optional<Window> find(String job, String run) {
        return jdbc.sql("select mode, window_from, window_to from exports where job_name = :job and run_id = :run")
                .param("job", job).param("run", run)
                .query((rs, row) -> new Window(ArchiveMode.valueOf(rs.getString("mode")),
                        Optional.ofNullable(rs.getTimestamp("window_from")).map(Timestamp::toInstant),
                        rs.getTimestamp("window_to").toInstant()))
                .optional();
    }

    private Optional<Instant> lastPublishedEnd(String job) {
        return jdbc.sql("select max(window_to) from exports where job_name = :job and published_at is not null")
                .param("job", job).query(Timestamp.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst().map(Timestamp::toInstant);
    }
}
