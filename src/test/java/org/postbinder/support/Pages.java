package org.postbinder.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.postbinder.clean.PostCleaner;
import org.postbinder.extract.ExtractedPost;
import org.postbinder.extract.PostExtractor;
import org.postbinder.job.JobDefinition;
import org.postbinder.store.Post;

/** Runs saved pages through extraction and cleaning, as the crawl step does, without a crawl. */
public final class Pages {

    public static final Instant FETCHED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private Pages() {
    }

    public static Path testResource(String path) {
        return Path.of("src/test/resources").resolve(path);
    }

    public static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), null, file.toAbsolutePath().toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExtractedPost extract(Path file) {
        URI url = file.toAbsolutePath().toUri();
        return new PostExtractor().extract(parse(file), url, JobDefinition.Extract.generic(), FETCHED_AT);
    }

    public static Optional<Post> archive(Path file) {
        return new PostCleaner().clean(extract(file), FETCHED_AT);
    }
}
