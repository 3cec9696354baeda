package org.postbinder.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postbinder.media.ImageTable;
import org.postbinder.media.MediaStore;
import org.postbinder.store.Post;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a Postbinder store with {@link BenchPosts} for the export benchmark, as a crawl would have
 * left it: the schema made by the real Flyway migrations, one {@code posts} row per post, and the
 * figures' images fetched: real photos (the demo site's) in the job's media store, each stored once
 * by its SHA-256 and shown by many posts under URLs of their own, their {@code images} rows STORED.
 * <p>
 * Rows are inserted in JDBC batches, a thousand to a transaction: {@code PostRepository.save} stores
 * one post at a time with its near-duplicate lookup, which at 100,000 posts would take longer than
 * the export it prepares. The test reads them back through the repository's row mapper, the one the
 * export uses, so the two cannot drift apart. Not thread-safe.
 */
final class BenchStore {

    private static final int BATCH = 1000;
    /** The demo site's photos: real JPEGs and a PNG, as a blog's uploads are. */
    private static final Path PHOTOS = Path.of("jobs/demo-site/media");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ImageTable images;
    private final MediaStore media;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String job;

    /** A store on this database (migrated here) whose media live under {@code outputDir}. */
    BenchStore(DataSource dataSource, Path outputDir, String job) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.images = new ImageTable(JdbcClient.create(jdbc));
        this.media = MediaStore.of(outputDir, job);
        this.job = job;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** The H2 file database that Postbinder run in {@code home} uses by default. */
    static DataSource h2In(Path home) {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + home.resolve("output/.postbinder/postbinder").toAbsolutePath(), "sa", "");
    }

    /** Stores posts 0 to {@code count - 1}, and their figures' images. */
    void fill(int count, String run) throws IOException {
        List<ImageTable.StoredImage> photos = photos();
        List<Post> batch = new ArrayList<>(BATCH);
        for (int n = 0; n < count; n++) {
            batch.add(BenchPosts.post(n));
            if (batch.size() == BATCH || n == count - 1) {
                List<Post> posts = List.copyOf(batch);
                transactions.executeWithoutResult(status -> {
                    insert(posts, run);
                    storeImages(posts, photos, run);
                });
                batch.clear();
            }
        }
    }

    private void insert(List<Post> posts, String run) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                insert into posts (job_name, canonical_url, url, title, author, published_at, published_utc, modified_at,
                    site_name, language, description, lead_image, tags, paragraphs, captions, figures, word_count,
                    content_sha256, simhash, aliases, fetched_at, first_seen, last_seen, changed_at, last_run)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, posts, posts.size(), (statement, post) -> bind(statement, post, now, run));
    }

    private void bind(PreparedStatement statement, Post post, Timestamp now, String run) throws SQLException {
        int i = 0;
        statement.setString(++i, job);
        statement.setString(++i, post.canonicalUrl());
        statement.setString(++i, post.url());
        statement.setString(++i, post.title());
        statement.setString(++i, post.author());
        statement.setString(++i, post.publishedAt());
        statement.setObject(++i, post.publishedAt() == null ? null : OffsetDateTime.parse(post.publishedAt()),
                Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(++i, post.modifiedAt());
        statement.setString(++i, post.siteName());
        statement.setString(++i, post.language());
        statement.setString(++i, post.description());
        statement.setString(++i, post.leadImage());
        statement.setString(++i, json.writeValueAsString(post.tags()));
        statement.setString(++i, json.writeValueAsString(post.paragraphs()));
        statement.setString(++i, json.writeValueAsString(post.captions()));
        statement.setString(++i, json.writeValueAsString(post.figures()));
        statement.setInt(++i, post.wordCount());
        statement.setString(++i, post.contentSha256());
        // no fingerprint: it only matters to the crawl's near-duplicate lookup, which nothing here does
        statement.setNull(++i, Types.BIGINT);
        statement.setString(++i, json.writeValueAsString(post.aliases()));
        statement.setString(++i, post.fetchedAt());
        statement.setTimestamp(++i, now);
        statement.setTimestamp(++i, now);
        statement.setTimestamp(++i, now);
        statement.setString(++i, run);
    }

    /** Each figure's image as the fetch step leaves it: queued, then stored as one of the photos. */
    private void storeImages(List<Post> posts, List<ImageTable.StoredImage> photos, String run) {
        for (Post post : posts) {
            List<String> urls = post.figures().stream().map(Post.Figure::image).toList();
            images.queue(job, run, urls);
            for (String url : urls) {
                ImageTable.StoredImage photo = photos.get(Math.floorMod(url.hashCode(), photos.size()));
                long id = jdbc.queryForObject("select id from images where job_name = ? and url = ?", Long.class, job, url);
                images.stored(id, run, photo);
            }
        }
    }

    /** The photos, put in the media store. */
    private List<ImageTable.StoredImage> photos() throws IOException {
        List<ImageTable.StoredImage> photos = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PHOTOS)) {
            for (Path file : files.filter(file -> file.toString().matches(".*\\.(jpg|png)")).sorted().toList()) {
                String type = file.toString().endsWith(".png") ? "image/png" : "image/jpeg";
                byte[] bytes = Files.readAllBytes(file);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                if (image == null) {
                    throw new UncheckedIOException(new IOException("not an image: " + file));
                }
                photos.add(new ImageTable.StoredImage(media.put(bytes, type), type, image.getWidth(), image.getHeight()));
            }
        }
        return List.copyOf(photos);
    }
}
