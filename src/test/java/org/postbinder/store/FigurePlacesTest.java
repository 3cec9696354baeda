package org.postbinder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FigurePlacesTest {

    private static final List<String> READ = List.of("Share this:", "LONDON (Reuters) — The ferry left at seven in the morning.",
            "The crossing took four hours.", "Subscribe to our newsletter", "The ferry docked at noon.");
    private static final List<String> KEPT = List.of("The ferry left at seven in the morning.", "The crossing took four hours.",
            "The ferry docked at noon.");

    @Test
    void aFigureStaysBeforeTheParagraphThatFollowedItWhenOthersAreLeftOut() {
        List<Post.Figure> figures = List.of(figure("top", 0), figure("after-lead", 2), figure("before-last", 4),
                figure("end", 5));

        assertThat(FigurePlaces.moved(figures, READ, KEPT)).extracting(Post.Figure::beforeParagraph)
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void aFigureBeforeALeftOutParagraphMovesToTheNextKeptOne() {
        assertThat(FigurePlaces.moved(List.of(figure("before-plug", 3)), READ, KEPT))
                .extracting(Post.Figure::beforeParagraph).containsExactly(2);
    }

    @Test
    void aPlaceBeyondTheParagraphsIsTheEnd() {
        assertThat(FigurePlaces.moved(List.of(figure("far", 40)), READ, KEPT))
                .extracting(Post.Figure::beforeParagraph).containsExactly(3);
    }

    @Test
    void withTextKeepsTheFiguresAtTheirPlaces() {
        Post post = new Post("https://a.example/p", "https://a.example/p", "Ferry", null, null, null, null, null, null, null,
                List.of(), READ, List.of(), "2026-01-01T00:00:00Z").withFigures(List.of(figure("after-lead", 2)));

        assertThat(post.withText(KEPT, List.of()).figures()).extracting(Post.Figure::beforeParagraph).containsExactly(1);
    }

    private static Post.Figure figure(String name, int before) {
        return new Post.Figure("https://a.example/" + name + ".jpg", null, before);
    }
}
