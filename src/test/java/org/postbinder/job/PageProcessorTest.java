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
            new RetrySchedule(Duration.ofSeconds(2), 3, Duration.ofMinutes(5)), Duration.ofSeconds(30));

    /** With an include pattern that matches anything, scope would let a file: URL through. */
    private final PageProcessor includesEverything = new PageProcessor(
            new JobFileLoader().load(Path.of("src/test/resources/fixtures/jobs/include-everything.yml")),
            new LinkDiscoverer(), new SitemapReader(), new PostExtractor(), new PostCleaner(),
            new RetrySchedule(Duration.ofSeconds(2), 3, Duration.ofMinutes(5)), Duration.ofSeconds(30));

    private static final String DATED_HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta property=\"article:published_time\" content=\"2025-04-10T09:00:00Z\"><title>Harbour notes</title></head>"
            + "<body><article><h1 class=\"entry-title\">Harbour notes</h1><div class=\"entry-content\">";
    private static final String DATED_TAIL = "</div></article></body></html>";

    @Test
    void aPageThatTakesLongerThanTheReadBudgetIsSkippedAsTooSlowAndTheNextPageIsRead() {
        // given: a budget of a millisecond, and a page of 100,000 links that takes far longer to read
        PageProcessor hurried = new PageProcessor(
                new JobFileLoader().load(Path.of("src/test/resources/fixtures/jobs/minimal.yml")),
                new LinkDiscoverer(), new SitemapReader(), new PostExtractor(), new PostCleaner(),
                new RetrySchedule(Duration.ofSeconds(2), 3, Duration.ofMinutes(5)), Duration.ofMillis(1));
        StringBuilder links = new StringBuilder(DATED_HEAD + "<p>An index of every post the harbour blog ever had.</p><ul>");
        for (int i = 0; i < 100_000; i++) {
            links.append("<li><a href=\"/blog/post-").append(i).append("/\">Post number ").append(i).append("</a></li>");
        }

        // when
        CrawlResult slow = hurried.process(fetched("https://blog.example/blog/all/", "text/html", links + "</ul>" + DATED_TAIL));

        // then
        assertThat(slow.status()).isEqualTo(EntryStatus.SKIPPED);
        assertThat(slow.reason()).isEqualTo("too slow: reading the page took more than 1 ms");
        assertThat(SkipReasons.kind(slow.reason())).isEqualTo("too slow");
        assertThat(processor.process(fetched("https://blog.example/blog/next/", "text/html",
                DATED_HEAD + "<p>" + PROSE + "</p>" + DATED_TAIL)).status()).isEqualTo(EntryStatus.STORED);
    }

    private static final String PROSE = "The ferry left the quay at seven, and the gulls followed it out past the breakwater.";

    @Test
    void tenMegabytesOfTextInOneParagraphIsStoredAsOneParagraph() {
        String huge = (PROSE + " ").repeat(10_000_000 / (PROSE.length() + 1));

        CrawlResult result = processor.process(fetched("https://blog.example/blog/long/", "text/html",
                DATED_HEAD + "<p>" + huge + "</p>" + DATED_TAIL));

        assertThat(result.status()).isEqualTo(EntryStatus.STORED);
        assertThat(result.post()).hasValueSatisfying(post -> {
            assertThat(post.paragraphs()).hasSize(1);
            assertThat(post.paragraphs().get(0)).hasSize(huge.strip().length());
        });
    }

    @Test
    void aTitleOfAMegabyteIsCutAndNulAndControlCharactersNeverReachThePost() {
        String html = DATED_HEAD.replace("<title>Harbour notes</title>", "<title>" + "Harbour ".repeat(131_072) + "</title>")
                .replace("<h1 class=\"entry-title\">Harbour notes</h1>", "")
                + "<p>" + PROSE.replace(" ", "\u0000 ") + "\u0001\u0007\u001b</p>" + DATED_TAIL;

        CrawlResult result = processor.process(fetched("https://blog.example/blog/odd/", "text/html", html));

        assertThat(result.status()).isEqualTo(EntryStatus.STORED);
        assertThat(result.post()).hasValueSatisfying(post -> {
            assertThat(post.title().length()).isLessThanOrEqualTo(2000);
            assertThat(post.title() + post.body()).doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
            assertThat(post.body()).contains("The ferry left the quay at seven");
        });
    }

    @Test
    void invalidUtf8IsReadWithoutACrash() {
        byte[] head = (DATED_HEAD + "<p>" + PROSE + "</p><p>").getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xFF, (byte) 0xFE, (byte) 0x80};
        byte[] tail = ("</p>" + DATED_TAIL).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + broken.length * 1000 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(broken, 0, body, head.length + i * broken.length, broken.length);
        }
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);

        CrawlResult result = processor.process(fetched("https://blog.example/blog/broken/", "text/html", body));

        assertThat(result.status()).isEqualTo(EntryStatus.STORED);
        assertThat(result.post()).hasValueSatisfying(post -> assertThat(post.paragraphs().get(0)).isEqualTo(PROSE));
    }

    @Test
    void jsonServedAsHtmlIsNotAPost() {
        String json = "{\"posts\": [" + "{\"id\": 1, \"title\": \"<b>Harbour</b>\"},".repeat(50_000) + "{}]}";

        CrawlResult result = processor.process(fetched("https://blog.example/wp-json/wp/v2/posts", "text/html", json));

        assertThat(result.status()).isEqualTo(EntryStatus.NOT_A_POST);
        assertThat(result.post()).isEmpty();
    }

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
        return fetched(url, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static FetchedEntry fetched(String url, String type, byte[] body) {
        FrontierEntry entry = new FrontierEntry(1, URI.create(url), EntryKind.PAGE, 0, 0);
        FetchedPage page = new FetchedPage(URI.create(url), URI.create(url), type, Optional.empty(), body, Instant.EPOCH);
        return new FetchedEntry(entry, FetchResult.fetched(page));
    }
}
