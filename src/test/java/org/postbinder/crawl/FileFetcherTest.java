package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFetcherTest {

    private static final FetchSettings SETTINGS =
            new FetchSettings("Postbinder-test/1.0", Duration.ofSeconds(2), Duration.ofSeconds(5), 1000, 5, false, List.of(),
                    UrlGate.OPEN);

    private final FileFetcher fetcher = new FileFetcher();

    @TempDir
    Path site;

    @Test
    void supportsFileUrlsOnly() {
        // given / when / then
        assertThat(fetcher.supports(URI.create("file:///tmp/site/index.html"))).isTrue();
        assertThat(fetcher.supports(URI.create("FILE:/tmp/site/"))).isTrue();
        assertThat(fetcher.supports(URI.create("https://example.com/"))).isFalse();
    }

    @Test
    void fetchesAnHtmlFileAsTextHtml() throws IOException {
        // given
        Path post = write("blog/2025/spring-fair.html", "<html><body><p>Spring fair</p></body></html>");

        // when
        FetchResult result = fetcher.fetch(post.toUri(), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        FetchedPage page = result.page().orElseThrow();
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.isHtml()).isTrue();
        assertThat(page.charset()).isEmpty();
        assertThat(page.url()).isEqualTo(post.toUri());
        assertThat(page.finalUrl()).isEqualTo(post.toUri());
        assertThat(page.body()).isEqualTo(Files.readAllBytes(post));
    }

    @Test
    void readsTheIndexHtmlOfAFolderUrl() throws IOException {
        // given
        Path index = write("blog/index.html", "<p>All posts</p>");
        URI folder = site.resolve("blog").toUri();

        // when
        FetchResult result = fetcher.fetch(folder, SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        FetchedPage page = result.page().orElseThrow();
        assertThat(page.url()).isEqualTo(folder);
        assertThat(page.finalUrl()).isEqualTo(index.toUri());
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>All posts</p>");
    }

    @Test
    void readsAFileWhosePathHasEncodedSpaces() throws IOException {
        // given
        Path post = write("saved site/my post.html", "<p>saved</p>");
        URI url = post.toUri();

        // when
        FetchResult result = fetcher.fetch(url, SETTINGS);

        // then
        assertThat(url.getRawPath()).contains("%20");
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
    }

    @Test
    void reportsAMissingFileAsNotFound() {
        // given
        URI missing = site.resolve("blog/gone.html").toUri();

        // when
        FetchResult result = fetcher.fetch(missing, SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.NOT_FOUND);
        assertThat(result.page()).isEmpty();
        assertThat(result.reason()).contains("gone.html");
    }

    @Test
    void reportsAFolderWithoutIndexHtmlAsNotFound() throws IOException {
        // given
        Files.createDirectories(site.resolve("empty"));

        // when
        FetchResult result = fetcher.fetch(site.resolve("empty").toUri(), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.NOT_FOUND);
    }

    @Test
    void skipsAJpegAsUnsupportedType() throws IOException {
        // given
        Path photo = write("uploads/photo.jpg", "\u00ff\u00d8\u00ff not really a jpeg");

        // when
        FetchResult result = fetcher.fetch(photo.toUri(), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.UNSUPPORTED_TYPE);
        assertThat(result.reason()).contains("photo.jpg");
    }

    @Test
    void fetchesSitemapsAndFeedsWithTheirXmlTypes() throws IOException {
        // given
        Path sitemap = write("sitemap.xml", "<urlset/>");
        Path feed = write("feed.rss", "<rss/>");

        // when
        FetchResult sitemapResult = fetcher.fetch(sitemap.toUri(), SETTINGS);
        FetchResult feedResult = fetcher.fetch(feed.toUri(), SETTINGS);

        // then
        assertThat(sitemapResult.page().orElseThrow().contentType()).isEqualTo("application/xml");
        assertThat(feedResult.page().orElseThrow().contentType()).isEqualTo("application/rss+xml");
    }

    @Test
    void acceptsAFileOfExactlyTheSizeLimit() throws IOException {
        // given
        Path post = write("exact.html", "x".repeat(1000));

        // when
        FetchResult result = fetcher.fetch(post.toUri(), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        assertThat(result.page().orElseThrow().body()).hasSize(1000);
    }

    @Test
    void skipsAFileOverTheSizeLimitAsTooLarge() throws IOException {
        // given
        Path post = write("huge.html", "x".repeat(1001));

        // when
        FetchResult result = fetcher.fetch(post.toUri(), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.page()).isEmpty();
        assertThat(result.reason()).contains("1000 bytes");
    }

    private Path write(String relative, String content) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
