package org.postbinder.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglesTest {

    @Test
    void quoteStyleDashesSpacingCaseAndLigaturesDoNotCount() {
        String typeset = "\u201CWe would rather run a smaller timetable\u201D \u2014 said Morag\u00A0Lindsay, ﬁrst of all.";
        String plain = "\"we would rather run a smaller timetable\", said MORAG LINDSAY -- first of all";

        assertThat(Shingles.of(typeset)).isEqualTo(Shingles.of(plain)).hasSize(10);
    }

    @Test
    void scriptsWrittenWithoutSpacesCountEachCharacterAsAWord() {
        assertThat(Shingles.words("西溪湿地的白鹭 returned")).containsExactly("西", "溪", "湿", "地", "的", "白", "鹭", "returned");
        assertThat(Shingles.words("しなの鉄道は運休")).hasSize(8);
    }

    @Test
    void diacriticsStayWithTheirWord() {
        assertThat(Shingles.words("قَرَّرَ المجلس")).containsExactly("قَرَّرَ", "المجلس");
    }

    @Test
    void aRepeatedSentenceCountsOnce() {
        String sentence = "The harbour master logged the wind at twelve knots. ";

        assertThat(Shingles.of(sentence.repeat(5))).hasSize(Shingles.of(sentence + sentence).size());
    }

    @Test
    void wordOrderMatters() {
        assertThat(Shingles.of("the ferry left the harbour")).doesNotContainAnyElementsOf(Shingles.of("the harbour left the ferry"));
    }
}
