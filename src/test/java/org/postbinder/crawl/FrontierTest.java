package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestDatabase;

class FrontierTest {

    private final Frontier frontier = new Frontier(TestDatabase.migrated());

    @Test
    void queuesAUrlOncePerRun() {
        URI url = URI.create("https://blog.example/post/");

        assertThat(frontier.add("blog", "r1", url, EntryKind.PAGE, 0, "seed")).isTrue();
        assertThat(frontier.add("blog", "r1", url, EntryKind.PAGE, 1, "elsewhere")).isFalse();
        assertThat(frontier.add("blog", "r2", url, EntryKind.PAGE, 0, "seed")).as("another run").isTrue();
        assertThat(frontier.countPages("blog", "r1")).isEqualTo(1);
    }

    @Test
    void handsOutShallowUrlsFirstThenInTheOrderFound() {
        frontier.add("blog", "r1", URI.create("https://blog.example/deep/"), EntryKind.PAGE, 2, "x");
        frontier.add("blog", "r1", URI.create("https://blog.example/a/"), EntryKind.PAGE, 1, "x");
        frontier.add("blog", "r1", URI.create("https://blog.example/b/"), EntryKind.PAGE, 1, "x");

        FrontierEntry first = frontier.next("blog", "r1", Instant.now()).orElseThrow();
        frontier.complete(first.id(), EntryStatus.STORED, "");
        FrontierEntry second = frontier.next("blog", "r1", Instant.now()).orElseThrow();

        assertThat(first.url()).hasToString("https://blog.example/a/");
        assertThat(second.url()).hasToString("https://blog.example/b/");
    }

    @Test
    void aCompletedUrlIsNotHandedOutAgainAndSkipsKeepTheirReason() {
        frontier.add("blog", "r1", URI.create("https://blog.example/gone/"), EntryKind.PAGE, 0, "seed");
        FrontierEntry entry = frontier.next("blog", "r1", Instant.now()).orElseThrow();

        frontier.complete(entry.id(), EntryStatus.SKIPPED, "not_found: HTTP 404");

        assertThat(frontier.next("blog", "r1", Instant.now())).isEmpty();
        assertThat(frontier.skipped("blog", "r1"))
                .containsExactly(new Frontier.SkippedUrl("https://blog.example/gone/", "not_found: HTTP 404"));
        assertThat(frontier.countByStatus("blog", "r1")).isEqualTo(Map.of(EntryStatus.SKIPPED, 1));
    }

    @Test
    void refusesUrlsLongerThanTheColumn() {
        URI huge = URI.create("https://blog.example/" + "a".repeat(Frontier.MAX_URL_LENGTH));

        assertThat(frontier.add("blog", "r1", huge, EntryKind.PAGE, 0, "seed")).isFalse();
    }
}
