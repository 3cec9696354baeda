package org.postbinder.crawl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fetch_state} table: per job and URL, the validators of the last successful fetch and
 * when it was. Calls join the caller's transaction. Thread-safe.
 */
@Repository
public class FetchState {

    private final JdbcClient jdbc;

    public FetchState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Validators known(String job, String url) {
        return jdbc.sql("select etag, last_modified from fetch_state where job_name = :job and url = :url")
                .param("job", job).param("url", url)
                .query((rs, row) -> new Validators(Optional.ofNullable(rs.getString("etag")),
                        Optional.ofNullable(rs.getString("last_modified"))))
                .optional().orElse(Validators.NONE);
    }

    public Optional<Instant> lastFetched(String job, String url) {
        return jdbc.sql("select fetched_at from fetch_state where job_name = :job and url = :url")
                .param("job", job).param("url", url)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Longer validators are not kept: a cut one would never match again. */
    static final int MAX_ETAG = 500;
    static final int MAX_LAST_MODIFIED = 100;

    /** Records a fetch that returned a page (or a 304, which confirms the page as it was). */
    public void remember(String job, String url, Validators given, Instant fetchedAt) {
        Validators validators = new Validators(given.etag().filter(etag -> etag.length() <= MAX_ETAG),
                given.lastModified().filter(date -> date.length() <= MAX_LAST_MODIFIED));
        int updated = jdbc.sql("""
                        update fetch_state set etag = :etag, last_modified = :lastModified, fetched_at = :fetchedAt
                        where job_name = :job and url = :url
                        """)
                .param("etag", validators.etag().orElse(null)).param("lastModified", validators.lastModified().orElse(null))
                .param("fetchedAt", Timestamp.from(fetchedAt)).param("job", job).param("url", url)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into fetch_state (job_name, url, etag, last_modified, fetched_at)
                            values (:job, :url, :etag, :lastModified, :fetchedAt)
                            """)
                    .param("etag", validators.etag().orElse(null)).param("lastModified", validators.lastModified().orElse(null))
                    .param("fetchedAt", Timestamp.from(fetchedAt)).param("job", job).param("url", url)
                    .update();
        }
    }
}
