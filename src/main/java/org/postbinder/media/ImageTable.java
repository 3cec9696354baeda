package org.postbinder.media;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code images} table: each image URL of a job's figures once, with what became of it.
 * Queued when a post that shows it is stored; the fetch step settles it. Thread-safe.
 */
@Repository
public class ImageTable {

    /** The row states. */
    public enum Status { PENDING, STORED, SKIPPED }

    /** A stored image: its file's hash and kind, and its size in pixels. */
    public record StoredImage(String sha256, String mediaType, int width, int height) {}

    private final JdbcClient jdbc;

    public ImageTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the URLs this job has not seen yet; an image queued, stored or skipped before is left as it is. */
    public void queue(String job, String run, List<String> urls) {
        for (String url : urls) {
            jdbc.sql("""
                            insert into images (job_name, url, status, last_run)
                            select :job, :url, 'PENDING', :run
                            where not exists (select 1 from images where job_name = :job and url = :url)
                            """)
                    .param("job", job).param("url", url).param("run", run).update();
        }
    }

    public void stored(long id, String run, StoredImage image) {
        jdbc.sql("""
                        update images set status = 'STORED', reason = null, sha256 = :sha, media_type = :type,
                            width = :width, height = :height, last_run = :run
                        where id = :id
                        """)
                .param("sha", image.sha256()).param("type", image.mediaType()).param("width", image.width())
                .param("height", image.height()).param("run", run).param("id", id).update();
    }

    /** Settles the row as skipped, or leaves it pending with the reason when it may work another time. */
    public void notStored(long id, String run, Status status, String reason) {
        jdbc.sql("update images set status = :status, reason = :reason, last_run = :run where id = :id")
                .param("status", status.name()).param("reason", cut(reason)).param("run", run).param("id", id).update();
    }

    public Optional<StoredImage> find(String job, String url) {
        return jdbc.sql("select sha256, media_type, width, height from images where job_name = :job and url = :url "
                        + "and status = 'STORED'")
                .param("job", job).param("url", url)
                .query((rs, row) -> new StoredImage(rs.getString("sha256"), rs.getString("media_type"),
                        rs.getInt("width"), rs.getInt("height")))
                .optional();
    }

    /** What the run did with images: stored, and skipped by kind (the reason up to its colon), sorted. */
    public record RunCounts(int stored, Map<String, Integer> skipped, int pending) {
        public int skippedInAll() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public RunCounts counts(String job, String run) {
        Map<String, Integer> skipped = new TreeMap<>();
        int[] storedAndPending = new int[2];
        jdbc.sql("select status, reason from images where job_name = :job and last_run = :run")
                .param("job", job).param("run", run)
                .query(rs -> {
                    switch (Status.valueOf(rs.getString("status"))) {
                        case STORED -> storedAndPending[0]++;
                        case PENDING -> storedAndPending[1]++;
                        case SKIPPED -> skipped.merge(kind(rs.getString("reason")), 1, Integer::sum);
                    }
                });
        return new RunCounts(storedAndPending[0], skipped, storedAndPending[1]);
    }

    private static String kind(String reason) {
        int colon = reason == null ? -1 : reason.indexOf(':');
        return colon < 0 ? String.valueOf(reason) : reason.substring(0, colon);
    }

    private static String cut(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    }
}
