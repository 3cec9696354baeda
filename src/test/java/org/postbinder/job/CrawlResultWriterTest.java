package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbinder.crawl.CrawlRuns;
import org.postbinder.crawl.DiscoveredLink;
import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.FetchState;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.media.FigureQueue;
import org.postbinder.media.ImageProperties;
import org.postbinder.media.ImageTable;
import org.postbinder.store.Post;
import org.postbinder.store.PostRepository;
import org.postbinder.support.TestDatabase;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

class CrawlResultWriterTest {

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final CrawlRuns runs = new CrawlRuns(jdbc);
    private final Frontier frontier = new Frontier(jdbc, runs);
    private final PostRepository posts = new PostRepository(jdbc, JsonMapper.builder().build());
    private final FigureQueue figures = new FigureQueue(new ImageTable(jdbc), new ImageProperties(true, DataSize.ofMegabytes(5), 20));

    @BeforeEach
    void seedTheRun() {
        runs.open("blog", "r1", new CrawlRuns.Lanes(1, 1));
    }

    @Test
    void queuesNoMorePagesThanMaxPagesButStillQueuesFeeds() {
        // given
        CrawlResultWriter writer = new CrawlResultWriter(frontier, runs, posts, new FetchState(jdbc, JsonMapper.builder().build()), figures, "blog", "r1", 5, 100);
        frontier.add("blog", "r1", URI.create("https://blog.example/"), EntryKind.PAGE, 0, "seed");
        FrontierEntry home = frontier.next("blog", "r1", 0, 1, Instant.now()).orElseThrow();
        List<DiscoveredLink> links = IntStream.rangeClosed(1, 10)
                .mapToObj(n -> new DiscoveredLink(URI.create("https://blog.example/post-" + n + "/"), EntryKind.PAGE, false))
                .toList();
        DiscoveredLink feed = new DiscoveredLink(URI.create("https://blog.example/feed/"), EntryKind.FEED, true);

        // when
        writer.write(Chunk.of(new CrawlResult(home, EntryStatus.NOT_A_POST, "", concat(links, feed), Optional.empty())));

        // then
        assertThat(frontier.countPages("blog", "r1")).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from frontier where kind = 'FEED'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select depth from frontier where url = 'https://blog.example/post-1/'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select depth from frontier where url = 'https://blog.example/feed/'")
                .query(Integer.class).single()).as("feeds keep the depth").isZero();
    }

    @Test
    void theSameArticleAtTwoUrlsIsStoredOnce() {
        // given
        CrawlResultWriter writer = new CrawlResultWriter(frontier, runs, posts, new FetchState(jdbc, JsonMapper.builder().build()), figures, "blog", "r1", 100, 100);
        frontier.add("blog", "r1", URI.create("https://blog.example/post/"), EntryKind.PAGE, 0, "seed");
        frontier.add("blog", "r1", URI.create("https://blog.example/amp/post/"), EntryKind.PAGE, 0, "seed");
        FrontierEntry original = frontier.next("blog", "r1", 0, 1, Instant.now()).orElseThrow();

        // when
        writer.write(Chunk.of(stored(original, "https://blog.example/post/")));
        FrontierEntry copy = frontier.next("blog", "r1", 0, 1, Instant.now()).orElseThrow();
        writer.write(Chunk.of(stored(copy, "https://blog.example/amp/post/")));

        // then
        assertThat(posts.count("blog")).isEqualTo(1);
        assertThat(jdbc.sql("select status || ': ' || reason from frontier where url = 'https://blog.example/amp/post/'")
                .query(String.class).single()).isEqualTo("DUPLICATE: duplicate of https://blog.example/post/");
        assertThat(posts.findAll("blog")).singleElement().satisfies(post -> {
            assertThat(post.canonicalUrl()).isEqualTo("https://blog.example/post/");
            assertThat(post.aliases()).containsExactly("https://blog.example/amp/post/");
        });
        assertThat(frontier.next("blog", "r1", 0, 1, Instant.now())).isEmpty();
    }

    private static CrawlResult stored(FrontierEntry entry, String url) {
        Post post = new Post(url, "https://blog.example/post/", "A post", "Ada", "2025-04-10T09:00:00+01:00", null,
                "Blog", "en", null, null, List.of(), List.of("One paragraph."), List.of(), "2026-01-01T00:00:00Z");
        return new CrawlResult(entry, EntryStatus.STORED, "", List.of(), Optional.of(post));
    }

    private static List<DiscoveredLink> concat(List<DiscoveredLink> links, DiscoveredLink extra) {
        return java.util.stream.Stream.concat(links.stream(), java.util.stream.Stream.of(extra)).toList();
    }
}
