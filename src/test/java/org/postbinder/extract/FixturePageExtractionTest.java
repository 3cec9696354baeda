package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postbinder.extract.DemoSiteExtractionTest.assertSameDateAndOffset;
import static org.postbinder.extract.DemoSiteExtractionTest.strings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postbinder.store.Post;
import org.postbinder.support.Pages;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extraction fixtures (pages written like WordPress, Ghost, Blogger, Drupal, Medium and news
 * sites in several languages) against their hand-written expectations in
 * {@code fixtures/expected/extract/}. Metadata and captions must match exactly; the body must reach
 * {@link #MIN_BODY_F1} token F1 and carry none of the page's furniture.
 */
class FixturePageExtractionTest {

    /** Regression floor for each page's body; raise it as the extractor improves. */
    static final double MIN_BODY_F1 = 0.95;

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> pages = Files.walk(Pages.testResource("fixtures/html"))) {
            return pages.filter(path -> path.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("fixtures")
    void extractsThePageAsItsExpectationsSay(Path page) {
        // given
        JsonNode expected = expectation(page);

        // when
        Post post = Pages.archive(page).orElseThrow(() -> new AssertionError("no post extracted from " + page));

        // then
        assertThat(post.title()).isEqualTo(expected.get("title").asString());
        assertThat(post.author()).isEqualTo(expected.get("author").asString());
        assertSameDateAndOffset(post.publishedAt(), expected.get("publishedAt").asString());
        assertThat(post.language()).isEqualTo(expected.get("language").asString());
        assertThat(post.canonicalUrl()).isEqualTo(expected.get("canonicalUrl").asString());
        assertThat(post.siteName()).isEqualTo(expected.get("siteName").asString());
        assertThat(post.tags()).containsExactlyElementsOf(strings(expected.get("tags")));
        assertThat(post.captions()).containsExactlyElementsOf(strings(expected.get("captions")));
        List<String> paragraphs = strings(expected.get("paragraphs"));
        assertThat(post.paragraphs()).first().isEqualTo(paragraphs.get(0));
        assertThat(BodyScore.of(post.paragraphs(), paragraphs).f1()).as("body F1").isGreaterThanOrEqualTo(MIN_BODY_F1);
        for (String furniture : strings(expected.get("furniture"))) {
            assertThat(post.body()).as("furniture in the body").doesNotContainIgnoringCase(furniture);
        }
    }

    private static JsonNode expectation(Path page) {
        String name = page.getFileName().toString().replace(".html", ".json");
        return JsonMapper.builder().build().readTree(Pages.testResource("fixtures/expected/extract/" + name).toFile());
    }
}
