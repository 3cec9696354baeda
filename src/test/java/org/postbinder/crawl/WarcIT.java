package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crawl keeps every exchange in WARC files that jwarc reads back, and a job whose source is those
 * files rebuilds the same posts with the site gone.
 */
class WarcIT {

    private static final int POSTS = 15;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @Test
    void aCrawlKeepsWhatItFetchedAndARunFromTheWarcFilesRebuildsTheSamePosts() throws Exception {
        // given: a crawl of a live site
        Launcher launcher = new Launcher(home);
        Path warcFolder = launcher.output().resolve("harbour/warc");
        try (LocalSiteServer site = new LocalSiteServer()) {
            new GeneratedBlog(POSTS, 0).serveOn(site);
            site.start();
            Path crawlJob = home.resolve("harbour.yml");
            Files.writeString(crawlJob, """
                    name: harbour
                    sources:
                      start-urls: [%s]
                    scope:
                      exclude: ['/category/', '/author/', '/about/', '/media/', '/print/']
                    crawl:
                      allowed-networks: [127.0.0.1/32]
                    """.formatted(site.url("/blog/")));
            Launcher.Result crawl = launcher.run(Duration.ofMinutes(3), "run", crawlJob.toString(), "--run-id", "live");
            assertThat(crawl.exitCode()).as(crawl.output()).isZero();

            // then: every request the site saw is in the WARC files, with its response
            List<Captured> records = readAll(warcFolder);
            long requests = records.stream().filter(record -> record.type().equals("request")).count();
            List<Captured> responses = records.stream().filter(record -> record.type().equals("response")).toList();
            assertThat(requests).isEqualTo(responses.size()).isEqualTo(site.totalHits());
            Captured post = responses.stream()
                    .filter(response -> response.target().endsWith(GeneratedBlog.postPath(3))).findFirst().orElseThrow();
            assertThat(post.status()).isEqualTo(200);
            assertThat(post.body()).contains(GeneratedBlog.title(3));
        }

        // when: the site is gone, and a job rebuilds the archive from the WARC files
        Path rebuildJob = home.resolve("harbour-rebuilt.yml");
        Files.writeString(rebuildJob, """
                name: harbour-rebuilt
                sources:
                  warcs: [%s]
                scope:
                  exclude: ['/print/']
                """.formatted(warcFolder));
        Launcher.Result rebuild = launcher.run(Duration.ofMinutes(3), "run", rebuildJob.toString(), "--run-id", "rebuilt");

        // then
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(essence(launcher.output().resolve("harbour-rebuilt/rebuilt/posts.json")))
                .hasSize(POSTS)
                .isEqualTo(essence(launcher.output().resolve("harbour/live/posts.json")));
    }

    /** A WARC record read back: its type, target, and for a response the status and body. */
    private record Captured(String type, String target, int status, String body) {}

    private static List<Captured> readAll(Path folder) throws Exception {
        List<Captured> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                try (WarcReader reader = new WarcReader(file)) {
                    for (Optional<WarcRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
                        if (record.get() instanceof WarcResponse response) {
                            byte[] body = response.http().bodyDecoded().stream().readAllBytes();
                            records.add(new Captured("response", response.target(), response.http().status(),
                                    new String(body, java.nio.charset.StandardCharsets.UTF_8)));
                        } else if (record.get() instanceof WarcRequest request) {
                            records.add(new Captured("request", request.target(), 0, ""));
                        }
                    }
                }
            }
        }
        return records;
    }

    /** What a post is, leaving out when and from where it was fetched. */
    private static List<String> essence(Path postsJson) {
        return JSON.readTree(postsJson.toFile()).valueStream()
                .map(post -> String.join("\n", post.get("canonicalUrl").asString(), post.get("title").asString(),
                        post.get("publishedAt").asString(), post.get("contentSha256").asString(),
                        post.get("captions").toString(), post.get("tags").toString()))
                .toList();
    }
}
