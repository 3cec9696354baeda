package org.postbinder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestDatabase;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The export's reader: the archive order, a page of rows at a time (on H2, and on PostgreSQL with
 * {@code -Ppostgres}).
 */
class PostsInExportOrderTest {

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final PostRepository repository = new PostRepository(jdbc, JsonMapper.builder().build());

    @Test
    void readsEveryPostInArchiveOrderAcrossPages() {
        // given: more than two pages of posts, stored out of order, three of them undated
        int count = PostsInExportOrder.PAGE * 2 + 30;
        IntStream.range(0, count).map(n -> (n * 7919) % count).forEach(n -> repository.save("blog", "r1", post(n, n % 100 == 1)));

        // when
        List<Post> read = readAll(repository.inExportOrder(PostRepository.Selection.all("blog")));

        // then
        assertThat(read).hasSize(count).containsExactlyElementsOf(repository.findAll("blog"));
        assertThat(read.subList(count - 3, count)).allSatisfy(post -> assertThat(post.publishedAt()).isNull());
    }

    @Test
    void readsEachPageOfRowsWhenItGetsToItNotAllWhenOpened() {
        // given: an open reader, one post read
        int count = PostsInExportOrder.PAGE * 2;
        IntStream.range(0, count).forEach(n -> repository.save("blog", "r1", post(n, false)));
        PostsInExportOrder reader = repository.inExportOrder(PostRepository.Selection.all("blog"));
        reader.open(new ExecutionContext());
        reader.read();

        // when: the last post changes and another is deleted before the reader gets to them
        Post last = post(count - 1, false);
        repository.rewriteText("blog", last.withText(List.of("Corrected after the export began."), List.of()));
        jdbc.sql("delete from posts where canonical_url = :url").param("url", post(count - 2, false).canonicalUrl()).update();
        List<Post> rest = new ArrayList<>();
        for (Post post = reader.read(); post != null; post = reader.read()) {
            rest.add(post);
        }
        reader.close();

        // then: the rows were read page by page, as they were then
        assertThat(rest).hasSize(count - 2);
        assertThat(rest.get(rest.size() - 1).paragraphs()).containsExactly("Corrected after the export began.");
    }

    @Test
    void anIncrementalSelectionReadsThePostsChangedWithinItsWindow() throws Exception {
        // given
        repository.save("blog", "r1", post(1, false));
        Thread.sleep(5);
        Instant after = Instant.now();
        Thread.sleep(5);
        repository.save("blog", "r2", post(2, false));
        repository.save("other", "r2", post(3, false));
        Thread.sleep(5);
        Instant upTo = Instant.now();
        Thread.sleep(5);
        repository.save("blog", "r3", post(4, false));

        // when
        List<Post> read = readAll(repository.inExportOrder(PostRepository.Selection.changedWithin("blog", after, upTo)));

        // then
        assertThat(read).containsExactly(post(2, false));
    }

    @Test
    void aJobWithoutPostsReadsNone() {
        assertThat(readAll(repository.inExportOrder(PostRepository.Selection.all("blog")))).isEmpty();
    }

    private static List<Post> readAll(PostsInExportOrder reader) {
        List<Post> read = new ArrayList<>();
        reader.open(new ExecutionContext());
        for (Post post = reader.read(); post != null; post = reader.read()) {
            read.add(post);
        }
        reader.close();
        return read;
    }

    /** Post n: dated n hours after a fixed time (or undated), with a text of its own. */
    private static Post post(int n, boolean undated) {
        String url = "https://blog.example/posts/" + n;
        String published = undated ? null : Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * n).toString();
        return new Post(url, url, "Post " + n, "Anna", published, null, "Blog", "en", null, null, List.of("harbour"),
                List.of("Paragraph of post " + n + ".", "Another paragraph, number " + n + "."), List.of(), "2026-01-01T00:00:00Z");
    }
}
