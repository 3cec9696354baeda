package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.postbinder.clean.PostCleaner;
import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FetchedPage;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.crawl.LinkDiscoverer;
import org.postbinder.crawl.RetrySchedule;
import org.postbinder.crawl.SitemapReader;
import org.postbinder.extract.PostExtractor;

class PageProcessorTest {

    private final PageProcessor processor = new PageProcessor(
            new JobFileLoader().load(Path.of("src/test/resources/fixtures/jobs/minimal.yml")),
            new LinkDiscoverer(), new SitemapReader(), new PostExtractor(), new PostCleaner(),
            new RetrySchedule(Duration.ofSeconds(2), 3, Duration.ofMinutes(5)));

    /** With an include pattern that matches anything, scope would let a file: URL through. */
    private final PageProcessor includesEverything = new PageProcessor(
            new JobFileLoader().load(Path.of("src/test/resources/fixtures/jobs/include-everything.yml")),
            new LinkDiscoverer(), new SitemapReader(), new PostExtractor(), new PostCleaner(),
            new RetrySchedule(Duration.ofSeconds(2), 3, Duration.ofMinutes(5)));

    @Test
    void aPageNestedFarTooDeeplyIsReadWithoutACrash() {
        // given: 200,000 nested divs around a dated article's one paragraph
        String html = "<html><head><meta property=\"article:published_time\" content=\"2025-04-10T09:00:00Z\">"
                + "<title>Deep</title></head><body>" + "<div>".repeat(200_000)
                + "<p>A paragraph at the bottom of a very deep page, long enough to count as prose.</p>"
                + "</div>".repeat(200_000) + "</body></html>";

        // when
        CrawlResult result = processor.process(fetched("https://blog.example/deep/", "text/html", html));

        // then: the parser bounds the depth, so the page is an ordinary post
        assertThat(result.status()).isEqualTo(EntryStatus.STORED);
        assertThat(result.post()).hasValueSatisfying(post -> assertThat(post.paragraphs())
                .containsExactly("A paragraph at the bottom of a very deep page, long enough to count as prose."));
    }

    @Test
    void aDeepPageWithoutADateIsNotAPost() {
        String html = "<html><body>" + "<div>".repeat(200_000) + "<p>deep</p>" + "</div>".repeat(200_000) + "</body></html>";

        CrawlResult result = processor.process(fetched("https://blog.example/deep/", "text/html", html));

        assertThat(result.status()).isIn(EntryStatus.SKIPPED, EntryStatus.NOT_A_POST);
        assertThat(result.status()).isEqualTo(EntryStatus.NOT_A_POST);
        assertThat(result.reason()).isEqualTo("no dated article on the page");
    }

    @Test
    void binaryDataServedAsHtmlIsSkippedWithAReason() {
        byte[] png = new byte[4096];
        new java.util.Random(7).nextBytes(png);
        FrontierEntry entry = new FrontierEntry(1, URI.create("https://blog.example/image.html"), EntryKind.PAGE, 0, 0);
        FetchedPage page = new FetchedPage(entry.url(), entry.url(), "text/html", Optional.empty(), png, Instant.EPOCH);

        CrawlResult result = processor.process(new FetchedEntry(entry, FetchResult.fetched(page)));

        assertThat(result.status()).isEqualTo(EntryStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo("binary data: served as text/html");
    }

    @Test
    void textInAnyScriptIsNotMistakenForBinary() {
        assertThat(PageProcessor.looksBinary("<p>Библиотеки, 图书馆, المكتبات, Βιβλιοθήκες</p>\n\t".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(PageProcessor.looksBinary("<p>Büchereien</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"))))
                .isFalse();
    }

    @Test
    void aSitemapOnTheWebNeverLeadsToALocalFile() {
        // given: a sitemap that lists the crawler's own disk
        String xml = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>file:///etc/passwd</loc></url><url><loc>https://blog.example/post/</loc></url></urlset>";
        FrontierEntry entry = new FrontierEntry(1, URI.create("https://blog.example/sitemap.xml"), EntryKind.SITEMAP, 0, 0);
        FetchedPage page = new FetchedPage(entry.url(), entry.url(), "application/xml", Optional.empty(),
                xml.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);

        // when
        CrawlResult result = includesEverything.process(new FetchedEntry(entry, FetchResult.fetched(page)));

        // then
        assertThat(result.links()).extracting(link -> link.url().toString()).containsExactly("https://blog.example/post/");
    }

    @Test
    void aWebPageNeverLeadsToALocalFileEvenWhenTheScopeWouldAllowIt() {
        String html = """
                <html><body><main><a href="https://blog.example/post/">A post</a>
                <a href="file:///etc/passwd">The crawler's own disk</a></main></body></html>""";

        CrawlResult result = includesEverything.process(fetched("https://blog.example/", "text/html", html));

        assertThat(result.links()).extracting(link -> link.url().toString()).containsExactly("https://blog.example/post/");
    }

    @Test
    void somethingThatIsNotHtmlIsSkippedWithItsType() {
        CrawlResult result = processor.process(fetched("https://blog.example/data/", "application/xml", "<x/>"));

        assertThat(result.status()).isEqualTo(EntryStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo("not an HTML page: application/xml");
    }

    @Test
    void aPageOutsideTheScopeGivesNoLinksToFollow() {
        String html = """
                <html><body><main><a href="https://blog.example/post/">In scope</a>
                <a href="https://elsewhere.example/">Elsewhere</a></main></body></html>""";

        CrawlResult result = processor.process(fetched("https://blog.example/", "text/html", html));

        assertThat(result.links()).extracting(link -> link.url().toString()).containsExactly("https://blog.example/post/");
    }

    private static FetchedEntry fetched(String url, String type, String body) {
        FrontierEntry entry = new FrontierEntry(1, URI.create(url), EntryKind.PAGE, 0, 0);
        FetchedPage page = new FetchedPage(URI.create(url), URI.create(url), type, Optional.empty(),
                body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
        return new FetchedEntry(entry, FetchResult.fetched(page));
    }
}
