package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class FrontierTest {

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final CrawlRuns runs = new CrawlRuns(jdbc);
    private final Frontier frontier = new Frontier(jdbc, runs);

    @Test
    void queuesAUrlOncePerRun() {
        URI url = URI.create("https://blog.example/post/");

        assertThat(frontier.add("blog", "r1", url, EntryKind.PAGE, 0, "seed")).isTrue();
        assertThat(frontier.add("blog", "r1", url, EntryKind.PAGE, 1, "elsewhere")).isFalse();
        assertThat(frontier.add("blog", "r2", url, EntryKind.PAGE, 0, "seed")).as("another run").isTrue();
        assertThat(frontier.countPages("blog", "r1")).isEqualTo(1);
    }

    @Test
    void countsTheRunsUrlsByKindAndShapeAsTheyAreQueuedAndAgreesWithItsRows() {
        for (int post = 1; post <= 12; post++) {
            frontier.add("blog", "r1", URI.create("https://blog.example/2025/04/post-" + post + "/"), EntryKind.PAGE, 1, "x");
        }
        frontier.add("blog", "r1", URI.create("https://blog.example/2025/04/post-3/"), EntryKind.PAGE, 2, "again");
        frontier.add("blog", "r1", URI.create("https://blog.example/about/"), EntryKind.PAGE, 1, "x");
        frontier.add("blog", "r1", URI.create("https://blog.example/sitemap.xml"), EntryKind.SITEMAP, 0, "x");
        frontier.add("blog", "r1", URI.create("https://blog.example/feed/"), EntryKind.FEED, 0, "x");
        frontier.add("blog", "r2", URI.create("https://blog.example/2025/04/post-1/"), EntryKind.PAGE, 1, "another run");

        String postShape = UrlShape.of(URI.create("https://blog.example/2025/04/post-1/"));
        assertThat(frontier.countShape("blog", "r1", postShape)).isEqualTo(12)
                .isEqualTo(jdbc.sql("select count(*) from frontier where run_id = 'r1' and shape = :shape")
                        .param("shape", postShape).query(Integer.class).single());
        assertThat(frontier.countPages("blog", "r1")).isEqualTo(13);
        assertThat(frontier.countListings("blog", "r1")).isEqualTo(2);
        assertThat(frontier.countPages("blog", "r2")).isEqualTo(1);
        assertThat(frontier.countShape("blog", "r3", postShape)).as("a run with nothing queued").isZero();
    }

    @Test
    void handsOutShallowUrlsFirstThenInTheOrderFound() {
        frontier.add("blog", "r1", URI.create("https://blog.example/deep/"), EntryKind.PAGE, 2, "x");
        frontier.add("blog", "r1", URI.create("https://blog.example/a/"), EntryKind.PAGE, 1, "x");
        frontier.add("blog", "r1", URI.create("https://blog.example/b/"), EntryKind.PAGE, 1, "x");

        FrontierEntry first = frontier.next("blog", "r1", 0, 1, Instant.now()).orElseThrow();
        frontier.complete(first.id(), EntryStatus.STORED, "");
        FrontierEntry second = frontier.next("blog", "r1", 0, 1, Instant.now()).orElseThrow();

        assertThat(first.url()).hasToString("https://blog.example/a/");
        assertThat(second.url()).hasToString("https://blog.example/b/");
    }

    @Test
    void aCompletedUrlIsNotHandedOutAgainAndSkipsKeepTheirReason() {
        frontier.add("blog", "r1", URI.create("https://blog.example/gone/"), EntryKind.PAGE, 0, "seed");
        FrontierEntry entry = frontier.next("blog", "r1", 0, 1, Instant.now()).orElseThrow();

        frontier.complete(entry.id(), EntryStatus.SKIPPED, "not_found: HTTP 404");

        assertThat(frontier.next("blog", "r1", 0, 1, Instant.now())).isEmpty();
        assertThat(frontier.skipped("blog", "r1"))
                .containsExactly(new Frontier.SkippedUrl("https://blog.example/gone/", "not_found: HTTP 404"));
        assertThat(frontier.counts("blog", "r1").byStatus()).isEqualTo(Map.of(EntryStatus.SKIPPED, 1));
    }

    @Test
    void refusesUrlsLongerThanTheColumn() {
        URI huge = URI.create("https://blog.example/" + "a".repeat(Frontier.MAX_URL_LENGTH));

        assertThat(frontier.add("blog", "r1", huge, EntryKind.PAGE, 0, "seed")).isFalse();
    }

    @Test
    void eachServerKeepsToItsOwnLanesAndEachPartitionReadsOnlyItsLanes() {
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        frontier.add("blog", "r1", URI.create("https://one.example/a/"), EntryKind.PAGE, 0, "seed");
        frontier.add("blog", "r1", URI.create("https://two.example/a/"), EntryKind.PAGE, 0, "seed");
        frontier.add("blog", "r1", URI.create("https://one.example/b/"), EntryKind.PAGE, 0, "seed");
        frontier.add("blog", "r1", URI.create("https://two.example:8443/a/"), EntryKind.PAGE, 0, "seed");

        assertThat(hostsOfPartition(0)).containsOnly("one.example", "two.example")
                .as("another port is another server").containsOnlyOnce("two.example");
        assertThat(urlsOfPartition(0)).containsExactly("https://one.example/a/", "https://one.example/b/",
                "https://two.example:8443/a/");
        assertThat(urlsOfPartition(1)).containsExactly("https://two.example/a/");
    }

    @Test
    void aServerAllowedTwoConnectionsSpreadsItsUrlsOverTwoLanes() {
        runs.open("blog", "r1", new CrawlRuns.Lanes(4, 2));
        for (int n = 0; n < 40; n++) {
            frontier.add("blog", "r1", URI.create("https://one.example/post-" + n + "/"), EntryKind.PAGE, 0, "seed");
        }

        assertThat(jdbc.sql("select distinct lane from frontier order by lane").query(Integer.class).list())
                .containsExactly(0, 1);
    }

    @Test
    void aRunKeepsTheSplitItWasOpenedWith() {
        runs.open("blog", "r1", new CrawlRuns.Lanes(3, 1));
        runs.open("blog", "r1", new CrawlRuns.Lanes(8, 2));

        assertThat(runs.lanes("blog", "r1")).isEqualTo(new CrawlRuns.Lanes(3, 1));
    }

    @Test
    void aPendingUrlInAnyLaneKeepsTheRunGoing() {
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        frontier.add("blog", "r1", URI.create("https://one.example/a/"), EntryKind.PAGE, 0, "seed");

        assertThat(frontier.next("blog", "r1", 1, 2, Instant.now())).as("partition 1 has nothing").isEmpty();
        assertThat(frontier.hasPending("blog", "r1")).as("but the run is not over").isTrue();
        frontier.complete(frontier.next("blog", "r1", 0, 2, Instant.now()).orElseThrow().id(), EntryStatus.STORED, "");
        assertThat(frontier.hasPending("blog", "r1")).isFalse();
    }

    private List<String> urlsOfPartition(int partition) {
        List<String> urls = new java.util.ArrayList<>();
        for (Optional<FrontierEntry> next = frontier.next("blog", "r1", partition, 2, Instant.now()); next.isPresent();
             next = frontier.next("blog", "r1", partition, 2, Instant.now())) {
            urls.add(next.get().url().toString());
            frontier.complete(next.get().id(), EntryStatus.STORED, "");
        }
        return urls;
    }

    private List<String> hostsOfPartition(int partition) {
        return jdbc.sql("select url from frontier where mod(lane, 2) = :partition and status = 'PENDING' order by id")
                .param("partition", partition).query(String.class).list().stream()
                .map(url -> URI.create(url).getHost()).toList();
    }
}
