package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postbinder.support.LocalSiteServer;

/** The hostile and the polite cases of fetching, against a real HTTP server on 127.0.0.1. */
class PoliteFetchTest {

    private static final FetchSettings LOCAL = new FetchSettings("PostbinderTest/1.0 (+https://postbinder.example)",
            Duration.ofSeconds(2), Duration.ofSeconds(3), 256 * 1024, 5, true, List.of(), UrlGate.OPEN);

    private final LocalSiteServer site = new LocalSiteServer().start();
    private final HttpFetcher fetcher = new HttpFetcher();
    private final HostPacer pacer = new HostPacer();
    private final RobotsPolicy robots = new RobotsPolicy(fetcher, pacer);

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aLoopbackUrlIsRefusedBeforeAnyConnectionWhenPrivateAddressesAreNotAllowed() {
        // given
        site.serve("/admin", 200, "text/html", "<p>internal</p>");
        FetchSettings guarded = guarded(List.of());

        // when
        FetchResult result = fetcher.fetch(site.url("/admin"), guarded);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED);
        assertThat(result.reason()).startsWith("address guard: 127.0.0.1");
        assertThat(site.hits("/admin")).as("no request was made").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://10.0.0.1/admin"})
    void aRedirectToAnInternalAddressIsRefusedAtThatHop(String internal) {
        // given: this test's server is allowed (it is on 127.0.0.1), every other internal network is not
        site.redirect("/innocent", 302, internal);

        // when
        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> fetcher.fetch(site.url("/innocent"), guarded(List.of(Cidr.parse("127.0.0.1/32")))));

        // then: the guard decided on the resolved address, before connecting (no timeout was waited out)
        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED);
        assertThat(result.reason()).startsWith("address guard: " + URI.create(internal).getHost())
                .endsWith("(redirected from " + site.url("/innocent") + ")");
        assertThat(site.hits("/innocent")).isEqualTo(1);
    }

    @Test
    void aBodyThatStopsArrivingIsCutByTheReadIdleTimeoutLongBeforeTheTotalOne() {
        // given: a few bytes, then silence well within the 8 s total
        site.route("/stalls", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<p>a start".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(6_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FetchSettings patient = new FetchSettings(LOCAL.userAgent(), LOCAL.connectTimeout(), Duration.ofSeconds(8),
                Duration.ofMillis(400), LOCAL.maxBodyBytes(), 5, true, List.of(), UrlGate.OPEN, ExchangeRecorder.NONE);

        // when
        long started = System.nanoTime();
        FetchResult result = fetcher.fetch(site.url("/stalls"), patient);

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.RETRY_LATER);
        assertThat(result.reason()).startsWith("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aHostThatDoesNotResolveIsTriedAgainLaterNotSkippedForGood() {
        FetchResult result = fetcher.fetch(URI.create("http://no-such-host.invalid/post/"), guarded(List.of()));

        assertThat(result.outcome()).isEqualTo(FetchOutcome.RETRY_LATER);
        assertThat(result.reason()).isEqualTo("unknown host no-such-host.invalid");
    }

    private static FetchSettings guarded(List<Cidr> allowed) {
        return new FetchSettings(LOCAL.userAgent(), LOCAL.connectTimeout(), LOCAL.readTimeout(), LOCAL.maxBodyBytes(), 5,
                false, allowed, UrlGate.OPEN);
    }

    @Test
    void everyRedirectHopIsCheckedByTheGateBeforeItIsRequested() {
        // given
        site.redirect("/moved", 301, "/private/secret.html");
        site.serve("/private/secret.html", 200, "text/html", "<p>secret</p>");
        UrlGate noPrivate = url -> url.getPath().startsWith("/private/") ? java.util.Optional.of("robots.txt disallows it")
                : java.util.Optional.empty();

        // when
        FetchResult result = fetcher.fetch(site.url("/moved"), LOCAL.withGate(noPrivate));

        // then
        assertThat(result.outcome()).isEqualTo(FetchOutcome.BLOCKED);
        assertThat(result.reason()).startsWith("robots.txt disallows it (redirected from");
        assertThat(site.hits("/private/secret.html")).isZero();
    }

    @Test
    void aGzipBombIsCutOffAtTheLimitOnTheDecodedBytes() throws IOException {
        // given: 64 MB of zeros that compress to about 64 KB
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        site.serve("/bomb.html", 200, "text/html", compressed.toByteArray(), Map.of("Content-Encoding", "gzip"));

        // when
        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> fetcher.fetch(site.url("/bomb.html"), LOCAL));

        // then
        assertThat(compressed.size()).isLessThan((int) LOCAL.maxBodyBytes());
        assertThat(result.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(result.reason()).contains("decoded");
    }

    @Test
    void aGzippedPageIsDecoded() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("<html><body><p>Zipped, and read.</p></body></html>".getBytes(StandardCharsets.UTF_8));
        }
        site.serve("/zipped.html", 200, "text/html; charset=utf-8", compressed.toByteArray(), Map.of("Content-Encoding", "gzip"));

        FetchResult result = fetcher.fetch(site.url("/zipped.html"), LOCAL);

        assertThat(result.page().orElseThrow().parse().text()).isEqualTo("Zipped, and read.");
    }

    @Test
    void aWindows1251PageDeclaredOnlyInItsMetaTagIsDecodedRight() {
        // given: no charset in the Content-Type header
        byte[] body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + "</head><body><p>Библиотеки переводят фонды в цифру</p></body></html>").getBytes(Charset.forName("windows-1251"));
        site.serve("/ru.html", 200, "text/html", body, Map.of());

        // when
        FetchResult result = fetcher.fetch(site.url("/ru.html"), LOCAL);

        // then
        assertThat(result.page().orElseThrow().parse().text()).isEqualTo("Библиотеки переводят фонды в цифру");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        site.serve("/busy", 429, "text/html", "<p>slow down</p>".getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "7"));

        FetchResult result = fetcher.fetch(site.url("/busy"), LOCAL);

        assertThat(result.outcome()).isEqualTo(FetchOutcome.RETRY_LATER);
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void robotsTxtDisallowsAPathForOurAgentAndAsksForACrawlDelay() {
        // given
        site.serve("/robots.txt", 200, "text/plain", """
                User-agent: *
                Disallow: /

                User-agent: postbindertest
                Disallow: /drafts/
                Allow: /drafts/published-*
                Crawl-delay: 2

                Sitemap: http://127.0.0.1/sitemap.xml
                """);

        // when
        RobotsPolicy.Rules rules = robots.rulesFor(site.url("/"), LOCAL, Duration.ZERO);

        // then
        assertThat(rules.allows(site.url("/2025/04/post/"))).isTrue();
        assertThat(rules.allows(site.url("/drafts/secret/"))).isFalse();
        assertThat(rules.allows(site.url("/drafts/published-notes/"))).isTrue();
        assertThat(rules.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rules.sitemaps()).containsExactly("http://127.0.0.1/sitemap.xml");
        assertThat(robots.refusal(site.url("/drafts/x/"), LOCAL, Duration.ZERO)).contains("robots.txt disallows it");
        assertThat(site.hits("/robots.txt")).as("read once, then kept").isEqualTo(1);
    }

    @Test
    void aRuleWrittenForOneOrderOfTheQueryStillHoldsOnceTheCrawlerHasSortedIt() {
        // given
        site.serve("/robots.txt", 200, "text/plain", """
                User-agent: *
                Disallow: /search?q=
                Disallow: /*?replytocom=
                """);

        // when
        RobotsPolicy.Rules rules = robots.rulesFor(site.url("/"), LOCAL, Duration.ZERO);

        // then: the page linked /search?q=harbour&page=2; the crawler would request it sorted
        URI sorted = UrlNormalizer.normalize(site.url("/search?q=harbour&page=2")).orElseThrow();
        assertThat(sorted.getQuery()).startsWith("page=2");
        assertThat(rules.allows(sorted)).isFalse();
        assertThat(rules.allows(UrlNormalizer.normalize(site.url("/post/?replytocom=4&a=1")).orElseThrow())).isFalse();
        assertThat(rules.allows(site.url("/archive/?page=2&year=2025"))).isTrue();
    }

    @Test
    void aRobotsTxtServedWithAnyTypeIsReadAndAHugeOneIsReadForItsFirstHalfMegabyte() {
        // given: one server sends its rules as octet-stream; another's robots.txt is 2 MB of
        // comments after its rules (a page of that size and type would be refused)
        site.serve("/robots.txt", 200, "application/octet-stream", "User-agent: *\nDisallow: /private/\n");
        LocalSiteServer huge = new LocalSiteServer().start();
        huge.serve("/robots.txt", 200, "text/html", "User-agent: *\nDisallow: /drafts/\n"
                + "# filler\n".repeat(2 * 1024 * 1024 / 9) + "Disallow: /beyond-the-limit/\n");

        try {
            // when / then
            assertThat(robots.refusal(site.url("/private/x"), LOCAL, Duration.ZERO)).contains("robots.txt disallows it");
            assertThat(robots.refusal(site.url("/public/x"), LOCAL, Duration.ZERO)).isEmpty();
            assertThat(robots.refusal(huge.url("/drafts/x"), LOCAL, Duration.ZERO)).contains("robots.txt disallows it");
            assertThat(robots.refusal(huge.url("/beyond-the-limit/x"), LOCAL, Duration.ZERO))
                    .as("rules past the first 512 KiB are not read").isEmpty();
        } finally {
            huge.close();
        }
    }

    @Test
    void aMissingRobotsTxtAllowsEverythingAndABrokenOneAllowsNothingForNow() {
        // given
        LocalSiteServer broken = new LocalSiteServer().start();
        broken.serve("/robots.txt", 500, "text/plain", "oops");

        try {
            // when / then
            assertThat(robots.refusal(site.url("/anything/"), LOCAL, Duration.ZERO)).isEmpty();
            assertThat(robots.refusal(broken.url("/anything/"), LOCAL, Duration.ZERO))
                    .contains("robots.txt could not be read; the host is not crawled for now");
        } finally {
            broken.close();
        }
    }

    @Test
    void thePacerSpacesRequestsToOneHostByTheDelay() {
        // given
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        site.route("/paced", exchange -> {
            arrivals.add(System.nanoTime());
            LocalSiteServer.send(exchange, 200, "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
        });
        URI url = site.url("/paced");

        // when
        for (int i = 0; i < 4; i++) {
            pacer.awaitTurn(url, Duration.ofMillis(300));
            fetcher.fetch(url, LOCAL);
            pacer.finished(url);
        }

        // then
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(280));
        }
    }

    @Test
    void binaryDataServedAsHtmlIsFetchedAsIsAndParsesToNoText() throws IOException {
        // the fetcher trusts the Content-Type; PageProcessorTest shows the crawl then skips it as binary
        byte[] png = new byte[4096];
        new java.util.Random(7).nextBytes(png);
        site.serve("/image.html", 200, "text/html", png, Map.of());

        FetchResult result = fetcher.fetch(site.url("/image.html"), LOCAL);

        assertThat(result.page().orElseThrow().parse().select("p, article")).isEmpty();
    }
}
