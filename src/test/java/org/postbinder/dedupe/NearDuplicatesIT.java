package org.postbinder.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.Pages;
import org.postbinder.support.Sql;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run} against a news site on 127.0.0.1 that serves one article at its own URL, with
 * tracking and referral parameters, as a print page and as an AMP page, none of them declaring a
 * canonical URL, next to a follow-up that quotes half of it: the article is stored once, with its
 * other URLs as aliases, in the store and in the archive, and the run counts them as duplicates.
 */
class NearDuplicatesIT {

    private static final String ARTICLE = "/2025/11/11/ferry-operator-cuts-winter-sailings/";
    private static final String REFERRED = ARTICLE + "?ref=frontpage";
    private static final String PRINT = "/print" + ARTICLE;
    private static final String AMP = ARTICLE + "amp/";
    private static final String FOLLOW_UP = "/2025/11/18/harbour-board-demands-answers-over-ferry-cuts/";

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @BeforeEach
    void serveTheSite() throws Exception {
        site.serve("/", 200, "text/html; charset=utf-8", """
                <!DOCTYPE html><html lang="en"><head><title>Harbour Wire</title></head><body><main>
                <article><h2><a href="%s">Ferry operator cuts winter sailings</a></h2></article>
                <article><h2><a href="%s?utm_source=newsletter&amp;utm_medium=email">Ferry cuts (newsletter)</a></h2></article>
                <article><h2><a href="%s">Ferry cuts (front page)</a></h2></article>
                <article><h2><a href="%s">Harbour board demands answers</a></h2></article>
                <p><a href="%s">Print</a> <a href="%s">Mobile</a></p>
                </main></body></html>""".formatted(ARTICLE, ARTICLE, REFERRED, FOLLOW_UP, PRINT, AMP));
        serveWithoutCanonical(ARTICLE, "article.html");
        serveWithoutCanonical(PRINT, "article-print.html");
        serveWithoutCanonical(AMP, "article-amp.html");
        serveWithoutCanonical(FOLLOW_UP, "follow-up.html");
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void theArticleIsStoredOnceWithItsOtherUrlsAsAliases() throws Exception {
        // given: a job that leaves out the share bar's links, as WordPress sites need (they redirect to the networks)
        Path jobFile = Files.writeString(home.resolve("wire.yml"), """
                name: wire
                sources:
                  start-urls: [%s]
                scope:
                  exclude: ['[?&]share=']
                crawl:
                  allowed-networks: [127.0.0.1/32]
                """.formatted(site.url("/")));
        Launcher launcher = new Launcher(home);

        // when
        Launcher.Result result = launcher.run(Duration.ofMinutes(3), "run", jobFile.toString(), "--run-id", "dupes");

        // then: the summary counts the copies, each a duplicate of the article
        String article = site.url(ARTICLE).toString();
        List<String> aliases = List.of(site.url(AMP).toString(), site.url(REFERRED).toString(), site.url(PRINT).toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("posts stored     2 ")
                .contains("duplicates       3 ")
                .contains("  duplicate   " + site.url(PRINT) + "  (duplicate of " + article + ")");
        aliases.forEach(alias -> assertThat(result.output()).contains("      " + alias + "  duplicate of " + article));
        // the tracked link is the article's URL once its tracking parameters are gone: fetched once, with the referred copy
        assertThat(site.hits(ARTICLE)).isEqualTo(2);

        // the store: one row, the copies as aliases, sorted
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where job_name = 'wire'")).isEqualTo(2);
            assertThat(Sql.count(db, "select count(*) from frontier where run_id = 'dupes' and status = 'DUPLICATE'"))
                    .isEqualTo(3);
        }

        // the archive: the JSON record and the CSV row carry the aliases
        Path archive = launcher.output().resolve("wire/dupes");
        JsonNode record = JsonMapper.builder().build().readTree(archive.resolve("posts.json").toFile()).valueStream()
                .filter(post -> post.get("url").asString().equals(article)).findFirst().orElseThrow();
        assertThat(record.get("canonicalUrl").asString()).isEqualTo(article);
        assertThat(record.get("aliases").valueStream().map(JsonNode::asString).toList()).isEqualTo(aliases.stream().sorted().toList());
        Map<String, String> row = csv(archive.resolve("posts.csv")).stream()
                .filter(csvRow -> csvRow.get("url").equals(article)).findFirst().orElseThrow().toMap();
        assertThat(row.get("aliases")).isEqualTo(String.join(" | ", aliases.stream().sorted().toList()));
    }

    /** The fixture page as a site without canonical links serves it: nothing on it says where the article lives. */
    private void serveWithoutCanonical(String path, String fixture) throws Exception {
        String page = Files.readString(Pages.testResource("fixtures/dedupe/" + fixture), StandardCharsets.UTF_8)
                .replaceAll("<link rel=\"(canonical|amphtml)\"[^>]*>", "")
                .replaceAll("<meta property=\"og:url\"[^>]*>", "");
        site.serve(path, 200, "text/html; charset=utf-8", page);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
