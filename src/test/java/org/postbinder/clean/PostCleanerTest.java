package org.postbinder.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.postbinder.extract.ExtractedPost;
import org.postbinder.store.Post;

class PostCleanerTest {

    private final PostCleaner cleaner = new PostCleaner();

    @Test
    void cutsValuesLongerThanTheStoreHoldsInsteadOfFailingTheCrawl() {
        // given: a page whose description is 5,000 characters
        ExtractedPost page = page("A title", "d".repeat(5_000), "https://blog.example/" + "c".repeat(3_000));

        // when
        Post post = cleaner.clean(page, Instant.EPOCH).orElseThrow();

        // then
        assertThat(post.description()).hasSize(PostCleaner.MAX_DESCRIPTION).endsWith("…");
        assertThat(post.canonicalUrl()).as("too long to key the post").isEqualTo("https://blog.example/post");
    }

    @Test
    void dropsTheHeadlineWhenTheBodyStartsWithIt() {
        Post post = cleaner.clean(page("A title", "", "https://blog.example/post"), Instant.EPOCH).orElseThrow();

        assertThat(post.paragraphs()).containsExactly("The first paragraph of the post.");
    }

    @Test
    void aPageWithNoTitleOrNoBodyIsNotAPost() {
        ExtractedPost untitled = new ExtractedPost("https://blog.example/x", "https://blog.example/x", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of("Body."), List.of(), List.of(), true);

        assertThat(cleaner.clean(untitled, Instant.EPOCH)).isEmpty();
    }

    @Test
    void explainsEveryBlockItLeavesOutOfTheBody() {
        ExtractedPost page = new ExtractedPost("https://blog.example/post", "https://blog.example/post",
                Optional.of("Ferry cuts"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of("News"),
                List.of("Ferry cuts", "News", "The quay at dawn.", "The first crossing now leaves at 5:40.",
                        "Your email address will not be published. Required fields are marked *", "· · ·"),
                List.of("The quay at dawn."), List.of(), true);

        assertThat(cleaner.dropped(page)).containsExactlyInAnyOrder(
                new PostCleaner.Dropped("News", "a category or section label shown on the page"),
                new PostCleaner.Dropped("Your email address will not be published. Required fields are marked *",
                        "furniture phrase COMMENT_NOTICE"),
                new PostCleaner.Dropped("· · ·", "no letters (a counter, separator or icon)"),
                new PostCleaner.Dropped("The quay at dawn.", "a caption printed again in the body: kept once, as a caption"),
                new PostCleaner.Dropped("Ferry cuts", "the headline, which is the post's title"));
        assertThat(cleaner.clean(page, Instant.EPOCH).orElseThrow().paragraphs())
                .containsExactly("The first crossing now leaves at 5:40.");
    }

    @Test
    void aBylineInTheBodyGoesToTheAuthorFieldWhenThePageGivesNoneAndLeavesTheBodyEitherWay() {
        List<String> body = List.of("By Jane Doe, Transport Correspondent", "The first crossing now leaves at 5:40.");
        ExtractedPost anonymous = new ExtractedPost("https://blog.example/post", "https://blog.example/post",
                Optional.of("Ferry cuts"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), body, List.of(), List.of(), true);
        ExtractedPost credited = new ExtractedPost("https://blog.example/post", "https://blog.example/post",
                Optional.of("Ferry cuts"), Optional.of("J. Doe"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), body, List.of(), List.of(), true);

        Post fromBody = cleaner.clean(anonymous, Instant.EPOCH).orElseThrow();
        Post fromPage = cleaner.clean(credited, Instant.EPOCH).orElseThrow();

        assertThat(fromBody.author()).isEqualTo("Jane Doe");
        assertThat(fromPage.author()).isEqualTo("J. Doe");
        assertThat(List.of(fromBody.paragraphs(), fromPage.paragraphs()))
                .allSatisfy(paragraphs -> assertThat(paragraphs).containsExactly("The first crossing now leaves at 5:40."));
        assertThat(cleaner.dropped(anonymous)).containsExactly(new PostCleaner.Dropped("By Jane Doe, Transport Correspondent",
                "a byline: the writer's name goes to the author field when the page gives none"));
    }

    @Test
    void aDatelineAfterTheBylineGoesToItsFieldAndIsExplained() {
        List<String> body = List.of("Ferry cuts", "By Jane Doe", "PORTSMOUTH (Harbour Wire) — The first crossing now leaves at 5:40.",
                "The last one leaves at 22:10.");
        ExtractedPost page = new ExtractedPost("https://blog.example/post", "https://blog.example/post",
                Optional.of("Ferry cuts"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), body, List.of(), List.of(), true);

        Post post = cleaner.clean(page, Instant.EPOCH).orElseThrow();

        assertThat(post.dateline()).isEqualTo("PORTSMOUTH (Harbour Wire)");
        assertThat(post.author()).isEqualTo("Jane Doe");
        assertThat(post.paragraphs()).containsExactly("The first crossing now leaves at 5:40.", "The last one leaves at 22:10.");
        assertThat(cleaner.dropped(page)).contains(
                new PostCleaner.Dropped("PORTSMOUTH (Harbour Wire)", "a dateline: moved to the dateline field"));
    }

    private static ExtractedPost page(String title, String description, String canonical) {
        return new ExtractedPost("https://blog.example/post", canonical, Optional.of(title), Optional.of("Ada"),
                Optional.of("2025-04-10T09:00:00+01:00"), Optional.empty(), Optional.of("Blog"), Optional.of("en"),
                Optional.of(description), Optional.empty(), List.of("tag"), List.of("Blog"),
                List.of("A title", "Blog", "The first paragraph of the post."), List.of(), List.of(), true);
    }
}
