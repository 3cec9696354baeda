package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nightly incremental archives of a blog that grows: the first archive has every post, the next
 * only the posts published since, and a night with nothing new an empty archive. Each manifest
 * says its mode and window, and each window starts where the last published one ended.
 */
class IncrementalArchiveIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void anIncrementalArchiveHoldsExactlyThePostsAddedSinceTheLastOne() throws Exception {
        // given
        new GeneratedBlog(10, 0).serveOn(site);
        site.start();
        Path jobFile = home.resolve("harbour.yml");
        Files.writeString(jobFile, """
                name: harbour
                sources:
                  start-urls: [%s]
                scope:
                  exclude: ['/category/', '/author/', '/about/', '/media/', '/print/']
                crawl:
                  allowed-networks: [127.0.0.1/32]
                export:
                  formats: [csv, jsonl]
                  mode: incremental
                """.formatted(site.url("/blog/")));
        Launcher launcher = new Launcher(home);

        // when: the first night, then two posts are published, then a night with nothing new
        run(launcher, jobFile, "night-1");
        new GeneratedBlog(12, 0).serveOn(site);
        run(launcher, jobFile, "night-2");
        run(launcher, jobFile, "night-3");

        // then
        assertThat(titles("night-1")).containsExactlyElementsOf(titlesOf(1, 10));
        assertThat(titles("night-2")).containsExactlyElementsOf(titlesOf(11, 12));
        assertThat(titles("night-3")).isEmpty();
        JsonNode first = manifest("night-1");
        JsonNode second = manifest("night-2");
        assertThat(first.get("mode").asString()).isEqualTo("incremental");
        assertThat(first.get("window").get("from").isNull()).as("the first archive starts at the beginning").isTrue();
        assertThat(second.get("window").get("from").asString()).isEqualTo(first.get("window").get("to").asString());
        assertThat(manifest("night-3").get("window").get("from").asString())
                .isEqualTo(second.get("window").get("to").asString());
    }

    private void run(Launcher launcher, Path jobFile, String run) throws Exception {
        Launcher.Result result = launcher.run(Duration.ofMinutes(2), "run", jobFile.toString(), "--run-id", run);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private List<String> titles(String run) throws Exception {
        return Files.readAllLines(home.resolve("output/harbour/" + run + "/posts.jsonl")).stream()
                .filter(line -> !line.isBlank())
                .map(line -> JSON.readTree(line).get("title").asString())
                .toList();
    }

    private JsonNode manifest(String run) throws Exception {
        return JSON.readTree(home.resolve("output/harbour/" + run + "/manifest.json").toFile());
    }

    private static List<String> titlesOf(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(GeneratedBlog::title).toList();
    }
}
