package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postbinder.store.Post;
import org.postbinder.support.Pages;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every post of the bundled demo site (WordPress, Ghost, Blogger, Drupal and news templates)
 * against the expectations written by hand in {@code fixtures/expected/demo-posts.json}.
 */
class DemoSiteExtractionTest {

    static Stream<JsonNode> demoPosts() {
        JsonNode expected = JsonMapper.builder().build().readTree(Pages.testResource("fixtures/expected/demo-posts.json").toFile());
        return expected.valueStream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("demoPosts")
    void archivesEachDemoPostAsItsPageShowsIt(JsonNode expected) {
        // given
        Path page = Path.of("jobs/demo-site").resolve(expected.get("path").asString());

        // when
        ExtractedPost extracted = Pages.extract(page);
        Post post = Pages.archive(page).orElseThrow(() -> new AssertionError("no post extracted from " + page));

        // then
        assertThat(extracted.article()).as("looks like an article").isTrue();
        assertThat(post.title()).isEqualTo(expected.get("title").asString());
        assertThat(post.author()).isEqualTo(expected.get("author").asString());
        assertSameDateAndOffset(post.publishedAt(), expected.get("publishedAt").asString());
        assertThat(post.language()).isEqualTo(expected.get("language").asString());
        assertThat(post.captions()).containsExactlyElementsOf(strings(expected.get("captions")));
        assertThat(post.paragraphs()).first().isEqualTo(expected.get("firstParagraph").asString());
        assertThat(post.paragraphs()).last().isEqualTo(expected.get("lastParagraph").asString());
        assertThat(post.paragraphs()).hasSize(expected.get("paragraphCount").asInt());
        for (String furniture : strings(expected.get("furniture"))) {
            assertThat(post.body()).as("furniture in the body").doesNotContain(furniture);
        }
    }

    static void assertSameDateAndOffset(String actual, String expected) {
        OffsetDateTime actualDate = OffsetDateTime.parse(actual);
        OffsetDateTime expectedDate = OffsetDateTime.parse(expected);
        assertThat(actualDate.isEqual(expectedDate)).as("%s is the instant %s", actual, expected).isTrue();
        assertThat(actualDate.getOffset()).as("offset of " + actual).isEqualTo(expectedDate.getOffset());
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
