package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;

import com.sun.net.httpserver.HttpExchange;

/**
 * A whole crawl against a site that asks for manners and sets traps: robots.txt with a Disallow, a
 * Crawl-delay and a Sitemap line, a page that answers 429 with Retry-After, one that fails twice before it works, and
 * an endless calendar. The server records when each request arrived.
 */
class PoliteCrawlIT {

    private static final int POSTS = 4;

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final List<Long> busyArrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveAPickySite() {
        site.routeAll("/", this::answer);
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void honoursRobotsAndRetryAfterRetriesFlakyPagesAndCapsTheCalendar() throws Exception {
        // given
        Path jobFile = home.resolve("picky.yml");
        Files.writeString(jobFile, """
                name: picky
                sources:
                  start-urls: [%s]
                scope:
                  max-per-pattern: 5
                  max-depth: 50
                crawl:
                  allowed-networks: [127.0.0.1/32]
                """.formatted(site.url("/")));

        // when
        Launcher.Result result = new Launcher(home).run(Duration.ofMinutes(3), "crawl", jobFile.toString(),
                "--run-id", "polite", "--postbinder.crawl.retry.base-delay=100ms");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        // the posts, the busy and the flaky page, and the post listed only in robots.txt's sitemap
        assertThat(result.output()).contains("posts stored     " + (POSTS + 3));
        assertThat(site.hits("/post-only-in-the-sitemap/")).isEqualTo(1);
        assertThat(site.hits("/private/secret/")).as("disallowed by robots.txt").isZero();
        assertThat(result.output()).contains("blocked: robots.txt disallows it");
        assertThat(tries.get("/flaky/").get()).as("failed twice, then fetched").isEqualTo(3);
        assertThat(busyArrivals).hasSize(2);
        assertThat(Duration.ofNanos(busyArrivals.get(1) - busyArrivals.get(0))).as("Retry-After: 2 waited out")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        long calendarPages = site.hitsMatching("/calendar/");
        assertThat(calendarPages).as("the trap is capped at 5 URLs of one shape").isLessThanOrEqualTo(5);
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1))).as("Crawl-delay between requests")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
    }

    private void answer(HttpExchange exchange) throws java.io.IOException {
        arrivals.add(System.nanoTime());
        String path = exchange.getRequestURI().getPath();
        int attempt = tries.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
        if (path.equals("/robots.txt")) {
            text(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.5\n\nSitemap: "
                    + site.url("/sitemap.xml") + "\n");
        } else if (path.equals("/sitemap.xml")) {
            text(exchange, 200, "application/xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/"
                    + "sitemap/0.9\"><url><loc>" + site.url("/post-only-in-the-sitemap/") + "</loc></url></urlset>");
        } else if (path.equals("/")) {
            String links = IntStream.rangeClosed(1, POSTS).mapToObj(n -> "<a href=\"/post-" + n + "/\">Post " + n + "</a>")
                    .collect(Collectors.joining(" "));
            text(exchange, 200, "text/html", page("Home", "", links
                    + " <a href=\"/private/secret/\">Secret</a> <a href=\"/busy/\">Busy</a> <a href=\"/flaky/\">Flaky</a>"
                    + " <a href=\"/calendar/2025/1/\">Calendar</a>"));
        } else if (path.equals("/busy/")) {
            busyArrivals.add(System.nanoTime());
            if (attempt == 1) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                text(exchange, 429, "text/html", "<p>Too many requests</p>");
            } else {
                text(exchange, 200, "text/html", post("Busy but patient"));
            }
        } else if (path.equals("/flaky/")) {
            text(exchange, attempt <= 2 ? 500 : 200, "text/html", attempt <= 2 ? "<p>oops</p>" : post("Flaky but fine"));
        } else if (path.startsWith("/calendar/")) {
            String[] parts = path.split("/");
            int month = Integer.parseInt(parts[3]);
            text(exchange, 200, "text/html", page("Calendar", "", "<a href=\"/calendar/2025/" + (month + 1) + "/\">Next month</a>"));
        } else if (path.startsWith("/post-")) {
            text(exchange, 200, "text/html", post("Post " + path.replaceAll("\\D", "")));
        } else {
            text(exchange, 404, "text/html", "<p>Not found</p>");
        }
    }

    private static String post(String title) {
        return page(title, "<meta property=\"article:published_time\" content=\"2025-04-10T09:00:00+01:00\">",
                "<article><h1>" + title + "</h1><p>" + title + " has a first paragraph long enough to be read as prose, "
                        + "with commas, clauses and a full stop.</p><p>And a second paragraph, also written out.</p></article>");
    }

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>" + title + "</title>" + head + "</head><body>" + body
                + "</body></html>";
    }

    private static void text(HttpExchange exchange, int status, String type, String body) throws java.io.IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        LocalSiteServer.send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }
}
