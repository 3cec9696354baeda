package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run} against a blog served over real HTTP on 127.0.0.1: discovery through pagination,
 * the sitemap and the feed; broken links skipped with their reasons and counted; the same article
 * at two URLs stored once; the archive published.
 */
class HttpCrawlIT {

    private static final int POSTS = 25;

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @BeforeEach
    void serveTheBlogWithBrokenLinks() {
        new GeneratedBlog(POSTS, 0).serveOn(site);
        site.serve("/blog/broken/", 200, "text/html", """
                <!DOCTYPE html><html><head><title>Links</title></head><body><main>
                <a href="/blog/gone/">An old post</a> <a href="/blog/report.html">The annual report</a>
                <a href="/blog/error/">A page that fails</a></main></body></html>""");
        site.serve("/blog/gone/", 410, "text/html", "<h1>Gone</h1>");
        site.serve("/blog/report.html", 200, "application/pdf", "%PDF-1.7 not really");
        site.serve("/blog/error/", 503, "text/html", "<h1>Try later</h1>");
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void crawlsABlogOverHttpAndRecordsWhatItSkipped() throws Exception {
        // given
        Path jobFile = home.resolve("harbour.yml");
        Files.writeString(jobFile, """
                name: harbour
                sources:
                  start-urls: [%s, %s]
                  sitemaps: [%s]
                  feeds: [%s]
                scope:
                  exclude: ['/category/', '/author/', '/about/', '/media/']
                crawl:
                  user-agent: "PostbinderTest/1.0 (+https://postbinder.example)"
                  allow-private-addresses: true
                """.formatted(site.url("/blog/"), site.url("/blog/broken/"), site.url("/blog/sitemap.xml"),
                site.url("/blog/feed/")));

        // when
        Launcher.Result result = new Launcher(home).run(Duration.ofMinutes(3), "run", jobFile.toString(), "--run-id", "http",
                "--postbinder.crawl.retry.base-delay=20ms");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                // the printer-friendly copy of post 1 is read first; post 1 then takes its row (the same text: unchanged)
                .contains("posts stored     " + POSTS + " ")
                .contains("unchanged        1 ")
                .contains("skipped          3")
                .contains("not_found: HTTP 410", "failed: HTTP 503 (gave up after 4 tries)",
                        "unsupported_type: content type application/pdf");
        Path archive = home.resolve("output/harbour/http");
        List<CSVRecord> rows = csv(archive.resolve("posts.csv"));
        assertThat(rows).hasSize(POSTS);
        assertThat(rows).extracting(row -> row.get("canonicalUrl")).doesNotHaveDuplicates()
                .contains(site.url(GeneratedBlog.postPath(1)).toString());
        assertThat(rows).filteredOn(row -> row.get("url").equals(site.url(GeneratedBlog.postPath(1)).toString()))
                .singleElement().satisfies(row -> assertThat(row.get("aliases")).isEqualTo(site.url(GeneratedBlog.printPath(1)).toString()));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("author")).isEqualTo("Ada Marsh");
            assertThat(row.get("body")).doesNotContain("Share this", "Leave a Reply", "Related", "Notes");
            assertThat(row.get("captions")).startsWith("The quay at dawn, part ");
        });
        JsonNode manifest = JsonMapper.builder().build().readTree(archive.resolve("manifest.json").toFile());
        assertThat(manifest.get("counts").get("skipped").asInt()).isEqualTo(3);
        assertThat(manifest.get("skipped").valueStream().map(skip -> skip.get("url").asString()))
                .containsExactlyInAnyOrder(site.url("/blog/gone/").toString(), site.url("/blog/report.html").toString(),
                        site.url("/blog/error/").toString());
        assertThat(site.hits("/blog/page/3/")).isEqualTo(1);
        assertThat(site.hits("/blog/error/")).as("tried, then retried three times").isEqualTo(4);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
