package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;

/**
 * The crawl's partitions fetch several servers at once, while each server sees no more connections
 * at a time than the job allows. Post pages answer slowly (150 ms), as a busy blog does, so that
 * requests that were in flight together show as such on the servers' clocks.
 */
class ParallelCrawlIT {

    private static final int POSTS = 12;
    private static final long POST_MILLIS = 150;
    /** The tail of an answer that the client may already have read in full; see LocalSiteServer#mostAtOnce. */
    private static final Duration SLACK = Duration.ofMillis(20);

    @TempDir
    Path home;

    private final List<LocalSiteServer> servers = Stream.generate(LocalSiteServer::new).limit(3).toList();

    @AfterEach
    void stop() {
        servers.forEach(LocalSiteServer::close);
    }

    @Test
    void threeServersAreCrawledAtOnceButEachOneConnectionAtATime() throws Exception {
        // given
        servers.forEach(server -> {
            new GeneratedBlog(POSTS, POST_MILLIS).serveOn(server);
            server.start();
        });
        Path jobFile = job("three-blogs", 3, 1, servers);

        // when
        Launcher.Result result = new Launcher(home).run(Duration.ofMinutes(3), "crawl", jobFile.toString());

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(": COMPLETED");
        for (LocalSiteServer server : servers) {
            IntStream.rangeClosed(1, POSTS).forEach(post ->
                    assertThat(server.hits(GeneratedBlog.postPath(post))).as("post %d fetched once", post).isEqualTo(1));
            assertThat(LocalSiteServer.mostAtOnce(server.visits(), SLACK)).as("connections to one server at once")
                    .isEqualTo(1);
        }
        List<LocalSiteServer.Visit> all = servers.stream().flatMap(server -> server.visits().stream()).toList();
        assertThat(LocalSiteServer.mostAtOnce(all, SLACK)).as("servers crawled at once").isBetween(2, 3);
    }

    @Test
    void aServerAllowedTwoConnectionsGetsTwoAtOnceAndNeverMore() throws Exception {
        // given
        LocalSiteServer server = servers.get(0);
        new GeneratedBlog(POSTS * 2, POST_MILLIS).serveOn(server);
        server.start();
        Path jobFile = job("two-connections", 4, 2, List.of(server));

        // when
        Launcher.Result result = new Launcher(home).run(Duration.ofMinutes(3), "crawl", jobFile.toString());

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        IntStream.rangeClosed(1, POSTS * 2).forEach(post ->
                assertThat(server.hits(GeneratedBlog.postPath(post))).as("post %d fetched once", post).isEqualTo(1));
        assertThat(LocalSiteServer.mostAtOnce(server.visits(), SLACK)).isEqualTo(2);
    }

    private Path job(String name, int concurrency, int connectionsPerHost, List<LocalSiteServer> sites) throws Exception {
        String startUrls = String.join(", ", sites.stream().map(site -> site.url("/blog/").toString()).toList());
        Path jobFile = home.resolve(name + ".yml");
        Files.writeString(jobFile, """
                name: %s
                sources:
                  start-urls: [%s]
                crawl:
                  allowed-networks: [127.0.0.1/32]
                  concurrency: %d
                  connections-per-host: %d
                """.formatted(name, startUrls, concurrency, connectionsPerHost));
        return jobFile;
    }
}
