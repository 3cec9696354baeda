package org.postbinder.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.postbinder.dedupe.ArticleFingerprint;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code posts} table: one row per article of a job, keyed by its canonical URL, with the other
 * URLs it was read at as aliases (see {@link #save}). Saving a post that is already there updates
 * it (and its last-seen time), so re-crawling never duplicates. Calls join the caller's
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
    private static final TypeReference<List<Post.Figure>> FIGURES = new TypeReference<>() {};

    /** Rows per query when the whole store is read: a page at a time keeps memory flat on any database. */
    private static final int TEXT_PAGE = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FingerprintBands bands;

    public PostRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.bands = new FingerprintBands(jdbc);
    }

    /** A stored row, as far as saving needs it. */
    private record Stored(long id, String canonical, String url, String hash, @Nullable Long simhash, List<String> aliases) {}

    /** What saving did to the store. */
    public enum SaveResult {
        INSERTED,
        /** The row's text changed (also when it is now read from the article's own URL instead of a copy's). */
        UPDATED,
        UNCHANGED,
        /** Another URL of a stored article: not stored again, but listed among the article's aliases. */
        DUPLICATE
    }

    /** What saving did, and the canonical URL of the row the post went to. */
    public record Saved(SaveResult result, String canonicalUrl) {}

    /**
     * Stores a post once per article. Which URL holds the article:
     * <ol>
     *   <li>the canonical URL a page declares is the row's key, so every copy that declares it
     *       (AMP, print, a syndicated copy with a cross-site canonical link) comes to the same row;
     *       text read at that URL itself replaces a copy's, never the other way round;</li>
     *   <li>otherwise the first stored wins: a later post with the same text, or within the
     *       {@link ArticleFingerprint} threshold, is a duplicate, and its URL becomes an alias;</li>
     *   <li>except that a row stored from what looks like a print or AMP URL, under that URL, gives
     *       way to the same article read at a plain URL.</li>
     * </ol>
     */
    public Saved save(String job, String run, Post post) {
        Optional<Stored> atCanonical = stored("canonical_url = :key", job, post.canonicalUrl());
        if (atCanonical.isPresent()) {
            return saveOver(job, run, atCanonical.get(), post);
        }
        Optional<ArticleFingerprint> fingerprint = ArticleFingerprint.of(post.paragraphs());
        Optional<Stored> same = sameArticle(job, post.contentSha256(), fingerprint);
        if (same.isEmpty()) {
            insert(job, run, post, fingerprint);
            return new Saved(SaveResult.INSERTED, post.canonicalUrl());
        }
        Stored row = same.get();
        if (row.url().equals(row.canonical()) && CopyUrls.looksLikeCopy(row.url()) && !CopyUrls.looksLikeCopy(post.url())) {
            return update(job, run, row, post, fingerprint);
        }
        return alias(row, post.url());
    }

    /** A post whose canonical URL has a row: the same page again, the article replacing a copy, or another copy. */
    private Saved saveOver(String job, String run, Stored row, Post post) {
        boolean samePage = row.url().equals(post.url());
        boolean theArticleItself = post.url().equals(post.canonicalUrl());
        if (!samePage && !theArticleItself) {
            return alias(row, post.url());
        }
        return update(job, run, row, post, ArticleFingerprint.of(post.paragraphs()));
    }

    /** The stored article with this exact text, else the nearest within the fingerprint threshold. */
    private Optional<Stored> sameArticle(String job, String hash, Optional<ArticleFingerprint> fingerprint) {
        Optional<Stored> exact = stored("content_sha256 = :key", job, hash);
        if (exact.isPresent()) {
            return exact;
        }
        return fingerprint.flatMap(print -> bands.sameArticle(job, print))
                .flatMap(id -> stored("id = :key", job, id));
    }

    private Optional<Stored> stored(String condition, String job, Object key) {
        return jdbc.sql("select id, canonical_url, url, content_sha256, simhash, aliases from posts where job_name = :job and "
                        + condition + " order by id fetch first 1 rows only")
                .param("job", job).param("key", key)
                .query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("canonical_url"), rs.getString("url"),
                        rs.getString("content_sha256"), rs.getObject("simhash", Long.class), strings(rs.getString("aliases"))))
                .optional();
    }

    private Saved alias(Stored row, String url) {
        List<String> aliases = Aliases.with(row.aliases(), url, row.url(), row.canonical());
        if (!aliases.equals(row.aliases())) {
            jdbc.sql("update posts set aliases = :aliases where id = :id")
                    .param("aliases", json.writeValueAsString(aliases)).param("id", row.id()).update();
        }
        return new Saved(SaveResult.DUPLICATE, row.canonical());
    }

    private void insert(String job, String run, Post post, Optional<ArticleFingerprint> fingerprint) {
        bind(jdbc.sql("""
                insert into posts (job_name, canonical_url, url, title, author, published_at, published_utc, modified_at, site_name,
                    language, description, lead_image, tags, paragraphs, captions, figures, word_count, content_sha256, simhash,
                    aliases, dateline, fetched_at, first_seen, last_seen, changed_at, last_run)
                values (:job, :canonical, :url, :title, :author, :published, :publishedUtc, :modified, :site, :language, :description,
                    :image, :tags, :paragraphs, :captions, :figures, :words, :hash, :simhash, :aliases, :dateline, :fetched, :now, :now,
                    :now, :run)
                """), job, run, post, fingerprint, post.aliases()).update();
        long id = stored("canonical_url = :key", job, post.canonicalUrl()).orElseThrow().id();
        bands.index(job, id, fingerprint);
    }

    /** Writes the post over a row (which may change the row's canonical URL), keeping the read URLs as aliases. */
    private Saved update(String job, String run, Stored row, Post post, Optional<ArticleFingerprint> fingerprint) {
        List<String> aliases = Aliases.moved(row.aliases(), row.url(), post.url(), post.canonicalUrl());
        String hash = post.contentSha256();
        bind(jdbc.sql("""
                update posts set canonical_url = :canonical, url = :url, title = :title, author = :author,
                    published_at = :published, published_utc = :publishedUtc,
                    modified_at = :modified, site_name = :site, language = :language, description = :description,
                    lead_image = :image, tags = :tags, paragraphs = :paragraphs, captions = :captions, figures = :figures,
                    word_count = :words, changed_at = case when content_sha256 = :hash then changed_at else :now end,
                    content_sha256 = :hash, simhash = :simhash, aliases = :aliases, dateline = :dateline, fetched_at = :fetched,
                    last_seen = :now,
                    last_run = :run
                where id = :id
                """).param("id", row.id()), job, run, post, fingerprint, aliases).update();
        Long simhash = fingerprint.map(ArticleFingerprint::bits).orElse(null);
        if (!Objects.equals(simhash, row.simhash())) {
            bands.index(job, row.id(), fingerprint);
        }
        return new Saved(row.hash().equals(hash) ? SaveResult.UNCHANGED : SaveResult.UPDATED, post.canonicalUrl());
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String job, String run, Post post,
                                          Optional<ArticleFingerprint> fingerprint, List<String> aliases) {
        return statement.param("job", job).param("canonical", post.canonicalUrl()).param("url", post.url())
                .param("title", post.title()).param("author", post.author()).param("published", post.publishedAt())
                .param("publishedUtc", post.publishedAt() == null ? null : OffsetDateTime.parse(post.publishedAt()))
                .param("modified", post.modifiedAt()).param("site", post.siteName()).param("language", post.language())
                .param("description", post.description()).param("image", post.leadImage())
                .param("tags", json.writeValueAsString(post.tags()))
                .param("paragraphs", json.writeValueAsString(post.paragraphs()))
                .param("captions", json.writeValueAsString(post.captions()))
                .param("figures", json.writeValueAsString(post.figures()))
                .param("words", post.wordCount()).param("hash", post.contentSha256())
                .param("simhash", fingerprint.map(ArticleFingerprint::bits).orElse(null), Types.BIGINT)
                .param("aliases", json.writeValueAsString(aliases)).param("dateline", post.dateline())
                .param("fetched", post.fetchedAt()).param("now", Timestamp.from(Instant.now())).param("run", run);
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

    /**
     * Replaces a stored post's paragraphs and captions, and what follows from them (figures' places, hash, word count,
     * change time, fingerprint), as removing its site's furniture later does.
     */
    public void rewriteText(String job, Post post) {
        Stored row = stored("canonical_url = :key", job, post.canonicalUrl()).orElseThrow();
        Optional<ArticleFingerprint> fingerprint = ArticleFingerprint.of(post.paragraphs());
        Long simhash = fingerprint.map(ArticleFingerprint::bits).orElse(null);
        jdbc.sql("""
                        update posts set paragraphs = :paragraphs, captions = :captions, figures = :figures, word_count = :words,
                            changed_at = case when content_sha256 = :hash then changed_at else :now end, content_sha256 = :hash,
                            simhash = :simhash
                        where id = :id
                        """)
                .param("paragraphs", json.writeValueAsString(post.paragraphs()))
                .param("captions", json.writeValueAsString(post.captions())).param("words", post.wordCount())
                .param("figures", json.writeValueAsString(post.figures()))
                .param("hash", post.contentSha256()).param("now", Timestamp.from(Instant.now()))
                .param("simhash", simhash, Types.BIGINT).param("id", row.id())
                .update();
        if (!Objects.equals(simhash, row.simhash())) {
            bands.index(job, row.id(), fingerprint);
        }
    }

    /**
     * Which posts an archive holds: all of the job's, or (incremental) those stored or changed after
     * {@code changedAfter}, up to and including {@code changedUpTo}.
     */
    public record Selection(String job, @Nullable Instant changedAfter, @Nullable Instant changedUpTo) {

        public static Selection all(String job) {
            return new Selection(job, null, null);
        }

        public static Selection changedWithin(String job, Instant after, Instant upTo) {
            return new Selection(job, after, upTo);
        }

        private boolean incremental() {
            return changedUpTo != null;
        }
    }

    /** The selected posts in archive order, a page at a time (see {@link PostsInExportOrder}). */
    public PostsInExportOrder inExportOrder(Selection selection) {
        return new PostsInExportOrder(this, selection);
    }

    long[] idsInExportOrder(Selection selection) {
        JdbcClient.StatementSpec query = jdbc.sql("select id from posts where job_name = :job"
                        + (selection.incremental() ? " and changed_at > :after and changed_at <= :upTo" : "")
                        + " order by " + EXPORT_ORDER)
                .param("job", selection.job());
        if (selection.incremental()) {
            query = query.param("after", Timestamp.from(Objects.requireNonNullElse(selection.changedAfter(), Instant.EPOCH)))
                    .param("upTo", Timestamp.from(selection.changedUpTo()));
        }
        return query.query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** The posts with these ids, in the order of the ids; an id without a row is left out. */
    List<Post> byIds(long[] ids) {
        Map<Long, Post> byId = new HashMap<>();
        jdbc.sql("select * from posts where id in (:ids)")
                .param("ids", Arrays.stream(ids).boxed().toList())
                .query(rs -> {
                    byId.put(rs.getLong("id"), map(rs, 0));
                });
        return Arrays.stream(ids).mapToObj(byId::get).filter(Objects::nonNull).toList();
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
                strings(rs.getString("captions")), rs.getString("fetched_at"), strings(rs.getString("aliases")),
                json.readValue(rs.getString("figures"), FIGURES), rs.getString("dateline"));
    }

    private List<String> strings(String array) {
        return json.readValue(array, STRINGS);
    }
}
