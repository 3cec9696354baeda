package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A nightly-style second run against an unchanged site makes only conditional requests, extracts
 * nothing and stores no post as new. Prints the figures of both runs.
 */
class IncrementalCrawlIT {

    private static final int POSTS = 300;

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();
    private final GeneratedBlog blog = new GeneratedBlog(POSTS, 0);

    @BeforeEach
    void serveTheBlog() {
        blog.serveOn(site);
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void theSecondRunOfAnUnchangedSiteIsConditionalAndStoresNothingNew() throws Exception {
        // given
        Path jobFile = home.resolve("harbour.yml");
        Files.writeString(jobFile, """
                name: harbour
                sources:
                  start-urls: [%s]
                  sitemaps: [%s]
                scope:
                  exclude: ['/category/', '/author/', '/about/', '/media/', '/print/']
                  max-depth: 30
                crawl:
                  allowed-networks: [127.0.0.1/32]
                """.formatted(site.url("/blog/"), site.url("/blog/sitemap.xml")));
        Launcher launcher = new Launcher(home);

        // when
        long started = System.nanoTime();
        Launcher.Result first = launcher.run(Duration.ofMinutes(5), "crawl", jobFile.toString(), "--run-id", "night-1");
        Duration firstTook = Duration.ofNanos(System.nanoTime() - started);
        long firstBytes = blog.bytesSent();
        int firstRequests = site.totalHits();
        started = System.nanoTime();
        Launcher.Result second = launcher.run(Duration.ofMinutes(5), "run", jobFile.toString(), "--run-id", "night-2");
        Duration secondTook = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(first.output()).contains("posts stored     " + POSTS + " ");
        assertThat(second.output()).contains("posts stored     0 ").doesNotContain("  stored ");
        int secondRequests = site.totalHits() - firstRequests;
        assertThat(blog.bytesSent()).as("the second run downloads no body").isEqualTo(firstBytes);
        int robotsTxt = 1;
        assertThat(blog.notModified()).as("every request of the second run but robots.txt was conditional and answered 304")
                .isEqualTo(secondRequests - robotsTxt);
        var manifest = JsonMapper.builder().build().readTree(home.resolve("output/harbour/night-2/manifest.json").toFile());
        assertThat(manifest.get("counts").get("stored").asInt()).isZero();
        assertThat(manifest.get("counts").get("exported").asInt()).as("the archive still holds every post").isEqualTo(POSTS);
        System.out.printf("incremental crawl of %d posts: first run %d requests, %,d body bytes, %d ms;"
                        + " second run %d requests (%d answered 304), 0 body bytes, %d ms%n",
                POSTS, firstRequests, firstBytes, firstTook.toMillis(), secondRequests, blog.notModified(), secondTook.toMillis());
    }
}
