package org.postbinder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** The store read whole, a page at a time, and posts' text rewritten in place, as site-furniture learning does. */
class PostTextRewriteTest {

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final PostRepository repository = new PostRepository(jdbc, JsonMapper.builder().build());

    @Test
    void everyPostOfTheJobIsReadOnceAcrossPages() {
        // given: more posts than one page holds, and another job's
        for (int i = 0; i < 1234; i++) {
            repository.save("blog", "r1", post("https://blog.example/" + i + "/", "Post " + i + " has its own text."));
        }
        repository.save("other", "r1", post("https://other.example/1/", "Another job's post."));

        // when
        List<String> seen = new ArrayList<>();
        repository.forEachText("blog", text -> seen.add(text.canonicalUrl()));

        // then
        assertThat(seen).hasSize(1234).doesNotHaveDuplicates().allMatch(url -> url.startsWith("https://blog.example/"));
    }

    @Test
    void rewritingTheTextKeepsTheRowAndMovesItsHashWordCountAndChangeTime() throws Exception {
        Post post = post("https://blog.example/ferry/", "The ferry runs again.");
        repository.save("blog", "r1", post);
        var before = changedAt(post.canonicalUrl());
        Thread.sleep(5);

        Post shorter = post.withText(List.of("The ferry runs."), List.of());
        repository.rewriteText("blog", shorter);

        assertThat(repository.findAll("blog")).containsExactly(shorter);
        assertThat(jdbc.sql("select content_sha256 from posts").query(String.class).single()).isEqualTo(shorter.contentSha256());
        assertThat(jdbc.sql("select word_count from posts").query(Integer.class).single()).isEqualTo(3);
        assertThat(changedAt(post.canonicalUrl())).isAfter(before);
    }

    @Test
    void rewritingTheTextKeepsEachFigureBeforeItsParagraph() {
        Post post = new Post("https://blog.example/quay/", "https://blog.example/quay/", "The quay", null, null, null, null,
                "en", null, null, List.of(), List.of("Subscribe to the newsletter", "The quay was rebuilt in stone."),
                List.of(), "2026-01-01T00:00:00Z")
                .withFigures(List.of(new Post.Figure("https://blog.example/quay.jpg", null, 1)));
        repository.save("blog", "r1", post);

        repository.rewriteText("blog", post.withText(List.of("The quay was rebuilt in stone."), List.of()));

        assertThat(repository.findAll("blog")).singleElement().extracting(Post::figures)
                .isEqualTo(List.of(new Post.Figure("https://blog.example/quay.jpg", null, 0)));
    }

    private java.time.Instant changedAt(String canonical) {
        return jdbc.sql("select changed_at from posts where canonical_url = :url").param("url", canonical)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private static Post post(String url, String paragraph) {
        return new Post(url, url, "A post", null, null, null, null, "en", null, null, List.of(), List.of(paragraph),
                List.of("A caption."), "2026-01-01T00:00:00Z");
    }
}
