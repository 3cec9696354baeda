package org.postbinder.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CaptionDeduplicatorTest {

    private static final String CAPTION = "A vehicle carrying a US marking arrived at the Russian Consulate, in Istanbul, Turkey, April 10, 2025.";

    private final CaptionDeduplicator deduplicator = new CaptionDeduplicator();

    @Test
    void removesABodyParagraphThatRepeatsAFigureCaption() {
        // when
        var result = deduplicator.deduplicate(List.of(CAPTION, "Istanbul: The delegations arrived."), List.of(CAPTION));

        // then
        assertThat(result.captions()).containsExactly(CAPTION);
        assertThat(result.paragraphs()).containsExactly("Istanbul: The delegations arrived.");
    }

    @Test
    void keepsAParagraphPrintedTwiceInARowOnceAsACaption() {
        // given: no figure markup, the caption is simply printed twice, as in the sample post's text
        List<String> body = List.of(CAPTION, CAPTION, "Istanbul: The delegations arrived.");

        // when
        var result = deduplicator.deduplicate(body, List.of());

        // then
        assertThat(result.captions()).containsExactly(CAPTION);
        assertThat(result.paragraphs()).containsExactly("Istanbul: The delegations arrived.");
    }

    @Test
    void treatsACaptionWithAPhotoCreditAsTheSameText() {
        // given
        String credited = "A sleeper train waits to depart from Vienna’s main station. (Photo: Jane Roe/Reuters)";

        // when
        var result = deduplicator.deduplicate(List.of("A sleeper train waits to depart from Vienna's main station.",
                "Night trains are back."), List.of(credited));

        // then: the caption keeps its credit, the bare repeat leaves the body
        assertThat(result.captions()).containsExactly(credited);
        assertThat(result.paragraphs()).containsExactly("Night trains are back.");
    }

    @Test
    void ignoresQuoteStyleCaseAndSpacing() {
        var result = deduplicator.deduplicate(List.of("“Fishermen  sort the catch” at   dawn"),
                List.of("\"fishermen sort the catch\" at dawn."));
        assertThat(result.paragraphs()).isEmpty();
    }

    @Test
    void treatsAnAlmostCompleteRepeatAsTheSameCaption() {
        // a trailing date added to one copy: the shorter covers more than 85% of the longer
        var result = deduplicator.deduplicate(List.of(CAPTION.replace(", April 10, 2025.", ".")), List.of(CAPTION));
        assertThat(result.paragraphs()).isEmpty();
    }

    @Test
    void keepsAParagraphThatOnlyStartsLikeACaption() {
        // a real paragraph that opens with a short caption-like phrase is not a repeat
        String paragraph = "A vehicle carrying a US marking arrived at the Russian Consulate, and what followed was"
                + " two days of talks about embassies, property and visas that neither side expected to finish.";
        var result = deduplicator.deduplicate(List.of(paragraph), List.of("A vehicle carrying a US marking"));
        assertThat(result.paragraphs()).containsExactly(paragraph);
    }

    @Test
    void listsEachCaptionOnceEvenWhenThePageRepeatsIt() {
        var result = deduplicator.deduplicate(List.of("Body."), List.of(CAPTION, CAPTION + " ", "Another photo."));
        assertThat(result.captions()).containsExactly(CAPTION, "Another photo.");
    }

    @Test
    void neverLeavesACaptionInTheBody() {
        var result = deduplicator.deduplicate(List.of("One.", CAPTION, "Two.", CAPTION), List.of(CAPTION));
        assertThat(result.paragraphs()).containsExactly("One.", "Two.");
        assertThat(result.captions()).containsExactly(CAPTION);
    }

    @Test
    void leavesRepeatedTableRowsAndRefrainsInTheBody() {
        List<String> body = List.of("Monday | Opening talk", "Monday | Panel", "Oh, the tide, the tide", "Oh, the tide, the tide");

        var result = deduplicator.deduplicate(body, List.of());

        assertThat(result.paragraphs()).containsExactlyElementsOf(body);
        assertThat(result.captions()).isEmpty();
    }
}
