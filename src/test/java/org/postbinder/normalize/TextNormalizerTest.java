package org.postbinder.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    private static final Map<String, UnaryOperator<String>> RULES = Map.of(
            "composeUnicode", TextNormalizer.composeUnicode,
            "removeInvisibles", TextNormalizer.removeInvisibles,
            "unifySpaces", TextNormalizer.unifySpaces,
            "removeControls", TextNormalizer.removeControls,
            "collapseWhitespace", TextNormalizer.collapseWhitespace,
            "decodeEntities", TextNormalizer.decodeEntities);

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvFileSource(resources = "/fixtures/normalize/cases.csv")
    void eachRuleDoesItsOneThing(String rule, String input, String expected) {
        assertThat(RULES.get(rule).apply(unescape(input))).isEqualTo(unescape(expected));
    }

    @Test
    void normalizeAppliesEveryRuleInOrder() {
        // given
        String messy = "\uFEFF  Istanbul:\u00A0The U.S.\u200B and Russian\tdelegations\n\narrived\u0000 in Cafe\u0301 ";

        // when
        String clean = TextNormalizer.normalize(messy);

        // then
        assertThat(clean).isEqualTo("Istanbul: The U.S. and Russian delegations arrived in Café");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tom &amp;amp; Jerry", " a\u00A0\u00A0b ", "e\u0301\u200B", "e\u200B\u0301", "x\u0000\u0085y",
            "\t\n", "a\u00AD\u0301 b"})
    void normalizeIsIdempotent(String text) {
        String once = TextNormalizer.normalize(text);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Test
    void normalizeComposesWhatAnInvisibleCharacterKeptApart() {
        assertThat(TextNormalizer.normalize("Cafe\u200B\u0301")).isEqualTo("Café");
    }

    @Test
    void aNextLineControlSeparatesWordsLikeALineBreak() {
        assertThat(TextNormalizer.normalize("line\u0085break")).isEqualTo("line break");
    }

    @Test
    void normalizeKeepsLiteralEntitiesOfDecodedText() {
        // an article about HTML that shows "&amp;" must keep it; only encoded metadata is decoded
        assertThat(TextNormalizer.normalize("write &amp; for &")).isEqualTo("write &amp; for &");
        assertThat(TextNormalizer.normalizeEncoded("Tom &amp; Jerry")).isEqualTo("Tom & Jerry");
    }

    @Test
    void normalizeAllDropsParagraphsThatEndUpEmpty() {
        assertThat(TextNormalizer.normalizeAll(List.of("one", "\u00A0 \u200B", "", "two"))).containsExactly("one", "two");
    }

    private static String unescape(String text) {
        Matcher escape = Pattern.compile("\\\\u([0-9A-Fa-f]{4})|\\\\t|\\\\n").matcher(text);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            String replacement = switch (escape.group()) {
                case "\\t" -> "\t";
                case "\\n" -> "\n";
                default -> String.valueOf((char) Integer.parseInt(escape.group(1), 16));
            };
            escape.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return escape.appendTail(out).toString();
    }
}
