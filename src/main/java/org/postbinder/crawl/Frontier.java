package org.postbinder.crawl;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The crawl frontier of each run, in the database: the URLs a run has found and what became of
 * them. Because it is a table rather than a queue in memory, a killed crawl restarts from its
 * PENDING rows, and a URL is queued at most once per run. Calls join the caller's transaction.
 * Writers of one run take turns ({@link CrawlRuns#lock}): two adding the same URL at once would
 * meet the unique constraint.
 */
@Repository
public class Frontier {

    /** Longer URLs are almost always session or tracking junk; the column holds this many characters. */
    static final int MAX_URL_LENGTH = 2048;
    /** The keys of {@code frontier_counts}: URLs of a kind, and URLs of a shape. */
    private static final String KIND = "kind:";
    private static final String SHAPE = "shape:";

    private final JdbcClient jdbc;
    private final CrawlRuns runs;

    public Frontier(JdbcClient jdbc, CrawlRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** Queues a URL unless the run already has it; returns whether it was added. */
    public boolean add(String job, String run, URI url, EntryKind kind, int depth, String foundOn) {
        String text = url.toString();
        if (text.length() > MAX_URL_LENGTH || contains(job, run, text)) {
            return false;
        }
        String shape = UrlShape.of(url);
        boolean added = jdbc.sql("""
                        insert into frontier (job_name, run_id, url, kind, depth, status, found_on, shape, lane, updated_at)
                        values (:job, :run, :url, :kind, :depth, 'PENDING', :foundOn, :shape, :lane, :now)
                        """)
                .param("job", job).param("run", run).param("url", text).param("kind", kind.name())
                .param("depth", depth).param("foundOn", foundOn).param("shape", shape)
                .param("lane", runs.laneOf(job, run, url))
                .param("now", Timestamp.from(Instant.now()))
                .update() == 1;
        if (added) {
            countOneMore(job, run, KIND + kind.name());
            countOneMore(job, run, SHAPE + shape);
        }
        return added;
    }

    /**
     * Counts one more URL of the run under {@code counted}. URLs are added by the run's seeding or
     * by its writers, which take turns on the run's row, so the update and the insert do not race.
     */
    private void countOneMore(String job, String run, String counted) {
        int updated = jdbc.sql("update frontier_counts set urls = urls + 1 where job_name = :job and run_id = :run and counted = :counted")
                .param("job", job).param("run", run).param("counted", counted).update();
        if (updated == 0) {
            jdbc.sql("insert into frontier_counts (job_name, run_id, counted, urls) values (:job, :run, :counted, 1)")
                    .param("job", job).param("run", run).param("counted", counted).update();
        }
    }

    private int counted(String job, String run, String counted) {
        return jdbc.sql("select urls from frontier_counts where job_name = :job and run_id = :run and counted = :counted")
                .param("job", job).param("run", run).param("counted", counted).query(Integer.class).optional().orElse(0);
    }

    private boolean contains(String job, String run, String url) {
        return jdbc.sql("select count(*) from frontier where job_name = :job and run_id = :run and url = :url")
                .param("job", job).param("run", run).param("url", url).query(Integer.class).single() > 0;
    }

    /** How many URLs of this shape ({@link UrlShape#of}) the run has queued: the measure of a crawler trap. */
    public int countShape(String job, String run, String shape) {
        return counted(job, run, SHAPE + shape);
    }

    /**
     * The next URL of one partition of the run's lanes to visit now: shallowest first, then in the
     * order found; retries wait for their time. Partition {@code p} of {@code n} reads the lanes
     * whose number is {@code p} modulo {@code n}.
     */
    public Optional<FrontierEntry> next(String job, String run, int partition, int partitions, Instant now) {
        return jdbc.sql("""
                        select id, url, kind, depth, attempts from frontier
                        where job_name = :job and run_id = :run and status = 'PENDING' and mod(lane, :partitions) = :partition
                          and (not_before is null or not_before <= :now)
                        order by depth, id fetch first 1 rows only
                        """)
                .param("job", job).param("run", run).param("partition", partition).param("partitions", partitions)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new FrontierEntry(rs.getLong("id"), URI.create(rs.getString("url")),
                        EntryKind.valueOf(rs.getString("kind")), rs.getInt("depth"), rs.getInt("attempts")))
                .optional();
    }

    /**
     * Whether any URL of the run, in any lane, is still to be visited or being visited (a URL stays
     * PENDING until the visit is committed): while one is, its page may still add links to any lane.
     */
    public boolean hasPending(String job, String run) {
        return jdbc.sql("""
                        select 1 from frontier where job_name = :job and run_id = :run and status = 'PENDING'
                        fetch first 1 rows only
                        """)
                .param("job", job).param("run", run).query(Integer.class).list().size() > 0;
    }

    /** Leaves a URL pending, to be tried again at {@code notBefore}; counts the failure. */
    public void retryLater(long id, Instant notBefore, String reason) {
        jdbc.sql("""
                        update frontier set attempts = attempts + 1, not_before = :notBefore, reason = :reason, updated_at = :now
                        where id = :id
                        """)
                .param("notBefore", Timestamp.from(notBefore)).param("reason", truncate(reason))
                .param("now", Timestamp.from(Instant.now())).param("id", id)
                .update();
    }

    public void complete(long id, EntryStatus status, String reason) {
        jdbc.sql("update frontier set status = :status, reason = :reason, updated_at = :now where id = :id")
                .param("status", status.name()).param("reason", reason.isEmpty() ? null : truncate(reason))
                .param("now", Timestamp.from(Instant.now())).param("id", id)
                .update();
    }

    /**
     * What became of a URL, as its visit wrote it: the writer may have settled on another status
     * than the page's reader proposed (unchanged text, a duplicate of a stored article).
     */
    public Completion completion(long id) {
        return jdbc.sql("select status, reason from frontier where id = :id").param("id", id)
                .query((rs, row) -> new Completion(EntryStatus.valueOf(rs.getString("status")),
                        Objects.requireNonNullElse(rs.getString("reason"), "")))
                .single();
    }

    /** A URL's status and, unless it was simply done, the reason. */
    public record Completion(EntryStatus status, String reason) {}

    public int countPages(String job, String run) {
        return counted(job, run, KIND + EntryKind.PAGE.name());
    }

    /** Sitemaps and feeds the run has queued. */
    public int countListings(String job, String run) {
        return counted(job, run, KIND + EntryKind.SITEMAP.name()) + counted(job, run, KIND + EntryKind.FEED.name());
    }

    public CrawlCounts counts(String job, String run) {
        Map<EntryStatus, Integer> counts = new java.util.EnumMap<>(EntryStatus.class);
        jdbc.sql("select status, count(*) as n from frontier where job_name = :job and run_id = :run group by status")
                .param("job", job).param("run", run)
                .query((rs, row) -> counts.put(EntryStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                .list();
        return new CrawlCounts(counts);
    }

    /** The URLs skipped in a run, with their reasons, in the order they were found. */
    public List<SkippedUrl> skipped(String job, String run) {
        return withStatus(job, run, EntryStatus.SKIPPED);
    }

    /** The URLs of a run that were duplicates of stored articles, with the article's URL as the reason, in the order found. */
    public List<SkippedUrl> duplicates(String job, String run) {
        return withStatus(job, run, EntryStatus.DUPLICATE);
    }

    private List<SkippedUrl> withStatus(String job, String run, EntryStatus status) {
        return jdbc.sql("""
                        select url, reason from frontier
                        where job_name = :job and run_id = :run and status = :status order by id
                        """)
                .param("job", job).param("run", run).param("status", status.name())
                .query((rs, row) -> new SkippedUrl(rs.getString("url"), rs.getString("reason")))
                .list();
    }

    /** A URL that was not stored as a post of its own (skipped, or a duplicate), and why. */
    public record SkippedUrl(String url, String reason) {}

    private static String truncate(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }
}
