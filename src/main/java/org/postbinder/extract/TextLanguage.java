package org.postbinder.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The language of a text, from its letters: optimaize's language-detector (the n-gram detector of
 * Cybozu Labs, with profiles of 71 languages, as Apache Tika ships it). Reading the profiles takes a
 * second or two, so they are read once per JVM, on first use, and shared: the detector holds no
 * state between calls. It samples the text's n-grams with a fixed seed (the library's default, 41),
 * so a text always gets the same answer. Thread-safe.
 */
final class TextLanguage {

    /** A language the text is in, as a primary subtag ({@code zh}, not {@code zh-CN}), and how likely. */
    record Guess(String language, double probability) {}

    private TextLanguage() {
    }

    /** The likeliest language; empty when the text has nothing to go on (no letters). */
    static Optional<Guess> likeliest(String text) {
        return Detector.INSTANCE.getProbabilities(Detector.TEXT.forText(text)).stream().findFirst().map(TextLanguage::guess);
    }

    /** Whether the detector has a profile of this language (a primary subtag): it cannot tell the others. */
    static boolean knows(String language) {
        return Detector.LANGUAGES.contains(language);
    }

    private static Guess guess(DetectedLanguage detected) {
        return new Guess(detected.getLocale().getLanguage(), detected.getProbability());
    }

    /** Loaded when first asked for (the holder idiom): a JVM that reads no page never pays for the profiles. */
    private static final class Detector {

        /** Large-text cleaning: URLs and e-mail addresses removed, and scripts under 30 % of the letters. */
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();
        static final List<LanguageProfile> PROFILES = profiles();
        static final LanguageDetector INSTANCE = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(PROFILES).build();
        static final Set<String> LANGUAGES = PROFILES.stream().map(profile -> profile.getLocale().getLanguage())
                .collect(Collectors.toUnmodifiableSet());

        private static List<LanguageProfile> profiles() {
            try {
                return new LanguageProfileReader().readAllBuiltIn();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the language profiles bundled with language-detector", e);
            }
        }
    }
}
