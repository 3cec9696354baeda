package org.postbinder.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of normalization over generated text in many scripts, with spaces, controls and invisibles. */
class TextNormalizerPropertiesTest {

    @Property(tries = 2000)
    void normalizingTwiceChangesNothing(@ForAll("messyText") String text) {
        String once = TextNormalizer.normalize(text);

        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 2000)
    void normalizedTextHasNoControlsInvisiblesOrRunsOfSpaces(@ForAll("messyText") String text) {
        String normalized = TextNormalizer.normalize(text);

        assertThat(normalized).doesNotContainPattern("\\p{Cc}").doesNotContainPattern("[\\u200B\\u2060\\uFEFF\\u00AD]")
                .doesNotContain("  ").isEqualTo(normalized.strip());
    }

    @Provide
    static Arbitrary<String> messyText() {
        return Arbitraries.strings().ofMaxLength(200)
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(" .,;:!?'\"&<>-\t\n\r\u0000\u0001\u0007\u001b\u007f\u0085\u00a0\u00ad\u1680\u180e\u2000\u2001\u2007"
                        + "\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u0301\u0308\u212b\u00c5")
                .withCharRange('\u0400', '\u04ff')   // Cyrillic
                .withCharRange('\u0600', '\u06ff')   // Arabic
                .withCharRange('\u0370', '\u03ff')   // Greek
                .withCharRange('\u4e00', '\u4e80')   // CJK
                .withCharRange('\uac00', '\uac40');  // Hangul syllables
    }
}
