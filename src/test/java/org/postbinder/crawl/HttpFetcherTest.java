package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postbinder.support.LocalSiteServer;

class HttpFetcherTest {

    private static final String USER_AGENT = "Postbinder-test/1.0 (+https://example.org/bot)";
    private static final FetchSettings SETTINGS =
            new FetchSettings(USER_AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024, 5,
                    true, List.of(), UrlGate.OPEN);

    private final HttpFetcher fetcher = new HttpFetcher();
    private LocalSiteServer site;

    @BeforeEach
    void startSite() {
        site = new LocalSiteServer().start();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void supportsHttpAndHttpsButNotFiles() {
        // given / when / then
        assertThat(fetcher.supports(URI.create("http://example.com/"))).isTrue();
        assertThat(fetcher.supports(URI.create("HTTPS://example.com/"))).isTrue();
        assertThat(fetcher.supports(URI.create("file:///tmp/index.html"))).isFalse();
    }

    @Test
    void fetchesAnHtmlPageWithItsBodyCharsetAndUrl() {
        // given
        byte[] body = "<html><body><p>Café crème</p></body></html>".getBytes(StandardCharsets.ISO_8859_1);
        site.serve("/post.html", 200, "Text/HTML; Charset=\"ISO-8859-1\"", body, Map.of());

        // when
        FetchResult result = fetcher.fetch(site.url("/post.html"), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        assertThat(result.reason()).isEmpty();
        FetchedPage page = result.page().orElseThrow();
        assertThat(page.url()).isEqualTo(site.url("/post.html"));
        assertThat(page.finalUrl()).isEqualTo(site.url("/post.html"));
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.isHtml()).isTrue();
        assertThat(page.charset()).contains(Charset.forName("ISO-8859-1"));
        assertThat(page.body()).isEqualTo(body);
        assertThat(page.fetchedAt()).isNotNull();
    }

    @Test
    void leavesTheCharsetEmptyWhenTheServerDeclaresNone() {
        // given
        site.serve("/feed.xml", 200, "application/rss+xml", "<rss version=\"2.0\"/>");

        // when
        FetchResult result = fetcher.fetch(site.url("/feed.xml"), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        assertThat(result.page().orElseThrow().contentType()).isEqualTo("application/rss+xml");
        assertThat(result.page().orElseThrow().charset()).isEmpty();
    }

    @Test
    void ignoresACharsetItDoesNotKnow() {
        // given
        site.serve("/odd.html", 200, "text/html; charset=x-no-such-charset", "<p>hello</p>");

        // when
        FetchResult result = fetcher.fetch(site.url("/odd.html"), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        assertThat(result.page().orElseThrow().charset()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "404, NOT_FOUND",
            "410, NOT_FOUND",
            "401, REFUSED",
            "403, REFUSED",
            "451, REFUSED",
            "429, RETRY_LATER",
            "500, RETRY_LATER",
            "503, RETRY_LATER"})
    void mapsErrorStatusesToOutcomesWithTheStatusAsReason(int status, FetchOutcome expected) {
        // given
        site.serve("/page.html", status, "text/html", "<p>nope</p>");

        // when
        FetchResult result = fetcher.fetch(site.url("/page.html"), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.page()).isEmpty();
        assertThat(result.reason()).isEqualTo("HTTP " + status);
    }

    @Test
    void skipsAnImageAsUnsupportedType() {
        // given
        site.serve("/photo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Map.of());

        // when
        FetchResult result = fetcher.fetch(site.url("/photo.png"), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.UNSUPPORTED_TYPE);
        assertThat(result.reason()).contains("image/png");
    }

    @Test
    void acceptsABodyOfExactlyTheSizeLimit() {
        // given
        site.serve("/exact.html", 200, "text/html", "x".repeat(1000));
        FetchSettings settings = withMaxBody(1000);

        // when
        FetchResult result = fetcher.fetch(site.url("/exact.html"), settings);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        assertThat(result.page().orElseThrow().body()).hasSize(1000);
    }

    @Test
    void skipsABodyOverTheSizeLimitAsTooLarge() {
        // given
        site.serve("/big.html", 200, "text/html", "x".repeat(1001));
        FetchSettings settings = withMaxBody(1000);

        // when
        FetchResult result = fetcher.fetch(site.url("/big.html"), settings);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.reason()).contains("1000 bytes");
    }

    @Test
    void stopsReadingAnEndlessBodyOnceItPassesTheSizeLimit() {
        // given
        site.endless("/endless.html", "text/html; charset=utf-8");
        FetchSettings settings = withMaxBody(1024 * 1024);

        // when
        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> fetcher.fetch(site.url("/endless.html"), settings));

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.page()).isEmpty();
    }

    @Test
    void followsARedirectAndReportsTheTargetAsFinalUrl() {
        // given
        site.serve("/blog/new-home.html", 200, "text/html", "<p>moved here</p>");
        site.redirect("/blog/old-home.html", 301, "/blog/new-home.html");
        site.redirect("/short", 302, site.url("/blog/old-home.html").toString());

        // when
        FetchResult result = fetcher.fetch(site.url("/short"), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        FetchedPage page = result.page().orElseThrow();
        assertThat(page.url()).isEqualTo(site.url("/short"));
        assertThat(page.finalUrl()).isEqualTo(site.url("/blog/new-home.html"));
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>moved here</p>");
        assertThat(site.hits("/blog/new-home.html")).isEqualTo(1);
    }

    @Test
    void givesUpAChainOfRedirectsLongerThanTheLimit() {
        // given: /hop/0 -> /hop/1 -> ... -> /hop/9, each a new URL (not a loop)
        for (int i = 0; i < 9; i++) {
            site.redirect("/hop/" + i, 302, "/hop/" + (i + 1));
        }
        site.serve("/hop/9", 200, "text/html", "<p>the end</p>");

        // when
        FetchResult result = fetcher.fetch(site.url("/hop/0"), SETTINGS);

        // then: the first request and five redirect hops, then no more
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("more than 5 redirects");
        assertThat(site.hits("/hop/6")).isZero();
        assertThat(site.hits("/hop/5")).isEqualTo(1);
    }

    @Test
    void failsOnARedirectLoopInsteadOfFollowingItForever() {
        // given
        site.redirect("/a", 302, "/b");
        site.redirect("/b", 302, "/a");

        // when
        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> fetcher.fetch(site.url("/a"), SETTINGS));

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FAILED);
        assertThat(site.hits("/a") + site.hits("/b")).isLessThan(20);
    }

    @Test
    void retriesLaterWhenTheServerAnswersAfterTheReadTimeout() {
        // given
        site.slow("/slow.html", 3000, "text/html", "<p>too late</p>");
        FetchSettings settings = withReadTimeout(Duration.ofMillis(300));

        // when
        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(site.url("/slow.html"), settings);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.RETRY_LATER);
        assertThat(result.reason()).contains("timed out");
        assertThat(took).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void retriesLaterWhenTheBodyStallsAfterTheHeaders() {
        // given
        site.route("/stalling.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<p>first bytes".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FetchSettings settings = withReadTimeout(Duration.ofMillis(500));

        // when
        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> fetcher.fetch(site.url("/stalling.html"), settings));

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.RETRY_LATER);
        assertThat(result.reason()).contains("timed out");
    }

    @Test
    void sendsTheUserAgentOfTheSettings() {
        // given
        AtomicReference<String> userAgent = new AtomicReference<>();
        site.route("/ua.html", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            LocalSiteServer.send(exchange, 200, "<p>hello</p>".getBytes(StandardCharsets.UTF_8));
        });

        // when
        FetchResult result = fetcher.fetch(site.url("/ua.html"), SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.FETCHED);
        assertThat(userAgent.get()).isEqualTo(USER_AGENT);
    }

    @Test
    void retriesLaterWhenTheConnectionIsRefused() throws IOException {
        // given
        URI closed = closedPortUrl();

        // when
        FetchResult result = fetcher.fetch(closed, SETTINGS);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.RETRY_LATER);
        assertThat(result.page()).isEmpty();
        assertThat(result.reason()).isNotBlank();
    }

    private static FetchSettings withMaxBody(long maxBodyBytes) {
        return new FetchSettings(USER_AGENT, SETTINGS.connectTimeout(), SETTINGS.readTimeout(), maxBodyBytes, 5, true, List.of(), UrlGate.OPEN);
    }

    private static FetchSettings withReadTimeout(Duration readTimeout) {
        return new FetchSettings(USER_AGENT, SETTINGS.connectTimeout(), readTimeout, SETTINGS.maxBodyBytes(), 5, true, List.of(), UrlGate.OPEN);
    }

    /** A port that was free a moment ago and that nothing listens on now. */
    private static URI closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/index.html");
    }
}
