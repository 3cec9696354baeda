package org.postbinder.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.postbinder.store.Post;

class LearnedFurnitureTest {

    private static final String PLUG = "Harbour Wire is reader-funded. Become a member for £3 a month.";
    private static final String CREDIT = "Photo: Harbour Wire picture desk";
    private static final LearnedFurniture LEARNED = new LearnedFurniture(Map.of("harbour-wire.example", Set.of(PLUG, CREDIT)));

    @Test
    void aPostLosesItsSitesFurnitureFromBodyAndCaptionsAndItsHashFollows() {
        Post post = post("https://harbour-wire.example/2025/04/ferry/", List.of("The ferry runs again.", PLUG, "Tickets are cheaper."),
                List.of("The quay at dawn.", CREDIT));

        Post stripped = LEARNED.strip(post);

        assertThat(stripped.paragraphs()).containsExactly("The ferry runs again.", "Tickets are cheaper.");
        assertThat(stripped.captions()).containsExactly("The quay at dawn.");
        assertThat(stripped.contentSha256()).isNotEqualTo(post.contentSha256());
        assertThat(stripped.wordCount()).isLessThan(post.wordCount());
    }

    @Test
    void anotherSitesPostAndAPostWithoutFurnitureAreReturnedAsTheyAre() {
        Post elsewhere = post("https://other.example/a/", List.of("Quoting them: " + PLUG, PLUG), List.of());
        Post clean = post("https://harbour-wire.example/b/", List.of("Nothing learned here."), List.of());

        assertThat(LEARNED.strip(elsewhere)).isSameAs(elsewhere);
        assertThat(LEARNED.strip(clean)).isSameAs(clean);
    }

    @Test
    void aPostWhoseWholeBodyIsFurnitureIsLeftWhole() {
        Post onlyThePlug = post("https://harbour-wire.example/join/", List.of(PLUG), List.of(CREDIT));

        assertThat(LEARNED.strip(onlyThePlug)).isSameAs(onlyThePlug);
    }

    private static Post post(String url, List<String> paragraphs, List<String> captions) {
        return new Post(url, url, "A post", null, null, null, null, "en", null, null, List.of(), paragraphs, captions,
                "2025-04-10T09:00:00Z");
    }
}
