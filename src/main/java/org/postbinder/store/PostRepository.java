package org.postbinder.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code posts} table: one row per job and canonical URL. Saving a post that is already there
 * updates it (and its last-seen time), so re-crawling never duplicates. Calls join the caller's
 * transaction. Thread-safe.
 */
@Repository
public class PostRepository {

    /**
     * The reading order of every archive: oldest first by instant (not by the text, whose offsets
     * differ), undated last, then by URL so that ties are stable.
     */
    public static final String EXPORT_ORDER = "published_utc nulls last, canonical_url";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** Rows per query when the whole store is read: a page at a time keeps memory flat on any database. */
    private static final int TEXT_PAGE = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PostRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Stored(String url, String hash) {}

    /** What saving did to the store. */
    public enum SaveResult { INSERTED, UPDATED, UNCHANGED }

    public SaveResult save(String job, String run, Post post) {
        Timestamp now = Timestamp.from(Instant.now());
        Stored previous = jdbc.sql("select url, content_sha256 from posts where job_name = :job and canonical_url = :canonical")
                .param("job", job).param("canonical", post.canonicalUrl())
                .query((rs, row) -> new Stored(rs.getString("url"), rs.getString("content_sha256")))
                .optional().orElse(null);
        if (previous != null && previous.url().equals(post.canonicalUrl()) && !post.url().equals(post.canonicalUrl())) {
            // a copy (print, AMP, tracking URL) never replaces the article read at its canonical URL
            return SaveResult.UNCHANGED;
        }
        String previousHash = previous == null ? null : previous.hash();
        String hash = post.contentSha256();
        if (previous == null && storedElsewhere(job, hash)) {
            // the same article at another URL, with no canonical link to say so: stored once
            return SaveResult.UNCHANGED;
        }
        JdbcClient.StatementSpec statement = jdbc.sql(previousHash == null ? """
                insert into posts (job_name, canonical_url, url, title, author, published_at, published_utc, modified_at, site_name,
                    language, description, lead_image, tags, paragraphs, captions, word_count, content_sha256,
                    fetched_at, first_seen, last_seen, changed_at, last_run)
                values (:job, :canonical, :url, :title, :author, :published, :publishedUtc, :modified, :site, :language, :description,
                    :image, :tags, :paragraphs, :captions, :words, :hash, :fetched, :now, :now, :now, :run)
                """ : """
                update posts set url = :url, title = :title, author = :author, published_at = :published,
                    published_utc = :publishedUtc,
                    modified_at = :modified, site_name = :site, language = :language, description = :description,
                    lead_image = :image, tags = :tags, paragraphs = :paragraphs, captions = :captions, word_count = :words,
                    changed_at = case when content_sha256 = :hash then changed_at else :now end,
                    content_sha256 = :hash, fetched_at = :fetched, last_seen = :now, last_run = :run
                where job_name = :job and canonical_url = :canonical
                """);
        statement.param("job", job).param("canonical", post.canonicalUrl()).param("url", post.url())
                .param("title", post.title()).param("author", post.author()).param("published", post.publishedAt())
                .param("publishedUtc", post.publishedAt() == null ? null : OffsetDateTime.parse(post.publishedAt()))
                .param("modified", post.modifiedAt()).param("site", post.siteName()).param("language", post.language())
                .param("description", post.description()).param("image", post.leadImage())
                .param("tags", json.writeValueAsString(post.tags()))
                .param("paragraphs", json.writeValueAsString(post.paragraphs()))
                .param("captions", json.writeValueAsString(post.captions()))
                .param("words", post.wordCount()).param("hash", hash).param("fetched", post.fetchedAt())
                .param("now", now).param("run", run)
                .update();
        if (previousHash == null) {
            return SaveResult.INSERTED;
        }
        return previousHash.equals(hash) ? SaveResult.UNCHANGED : SaveResult.UPDATED;
    }

    private boolean storedElsewhere(String job, String hash) {
        return jdbc.sql("select count(*) from posts where job_name = :job and content_sha256 = :hash")
                .param("job", job).param("hash", hash).query(Integer.class).single() > 0;
    }

    public int count(String job) {
        return jdbc.sql("select count(*) from posts where job_name = :job").param("job", job).query(Integer.class).single();
    }

    /** One post's text, as site-furniture learning reads it. */
    public record PostText(String canonicalUrl, List<String> paragraphs, List<String> captions) {}

    /** Every post's text, a page of rows at a time (by id), so that memory does not grow with the store. */
    public void forEachText(String job, Consumer<PostText> action) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> ids = new ArrayList<>();
            jdbc.sql("select id, canonical_url, paragraphs, captions from posts where job_name = :job and id > :after "
                            + "order by id fetch first " + TEXT_PAGE + " rows only")
                    .param("job", job).param("after", after)
                    .query(rs -> {
                        ids.add(rs.getLong("id"));
                        action.accept(new PostText(rs.getString("canonical_url"), strings(rs.getString("paragraphs")),
                                strings(rs.getString("captions"))));
                    });
            if (ids.size() < TEXT_PAGE) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /** Replaces a stored post's paragraphs and captions (and what follows from them), as cleaning them later does. */
    public void rewriteText(String job, Post post) {
        String hash = post.contentSha256();
        jdbc.sql("""
                        update posts set paragraphs = :paragraphs, captions = :captions, word_count = :words,
                            changed_at = case when content_sha256 = :hash then changed_at else :now end, content_sha256 = :hash
                        where job_name = :job and canonical_url = :canonical
                        """)
                .param("paragraphs", json.writeValueAsString(post.paragraphs()))
                .param("captions", json.writeValueAsString(post.captions())).param("words", post.wordCount())
                .param("hash", hash).param("now", Timestamp.from(Instant.now()))
                .param("job", job).param("canonical", post.canonicalUrl())
                .update();
    }

    public List<Post> findAll(String job) {
        return jdbc.sql("select * from posts where job_name = :job order by " + EXPORT_ORDER)
                .param("job", job).query(rowMapper()).list();
    }

    /** Maps a {@code posts} row back to a {@link Post}; for readers that stream the table. */
    public RowMapper<Post> rowMapper() {
        return this::map;
    }

    private Post map(ResultSet rs, int row) throws SQLException {
        return new Post(rs.getString("url"), rs.getString("canonical_url"), rs.getString("title"),
                rs.getString("author"), rs.getString("published_at"), rs.getString("modified_at"),
                rs.getString("site_name"), rs.getString("language"), rs.getString("description"),
                rs.getString("lead_image"), strings(rs.getString("tags")), strings(rs.getString("paragraphs")),
                strings(rs.getString("captions")), rs.getString("fetched_at"));
    }

    private List<String> strings(String array) {
        return json.readValue(array, STRINGS);
    }
}
