package org.postbinder.normalize;

import java.text.Normalizer;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

/**
 * Turns text taken from a page into the text that is archived. Pure and thread-safe;
 * {@link #normalize} is idempotent. Its rules run in this order:
 * <ol>
 *   <li>{@link #removeInvisibles}: zero-width space, word joiner, byte-order mark and soft hyphen go;</li>
 *   <li>{@link #unifySpaces}: no-break and other Unicode spaces, tabs, line breaks (also U+0085) become a plain space;</li>
 *   <li>{@link #removeControls}: remaining control characters (NUL, escape, C1 controls) go;</li>
 *   <li>{@link #collapseWhitespace}: runs of spaces become one, and the ends are trimmed;</li>
 *   <li>{@link #composeUnicode}: Unicode NFC, so that "é" is one code point however it was typed. It
 *       comes last because removing an invisible character can bring a letter and its accent together.</li>
 * </ol>
 * Zero-width joiner and non-joiner (U+200C, U+200D) are kept on purpose: Persian, Indic scripts and
 * emoji sequences need them to render correctly.
 * <p>
 * Text that may still carry HTML entities (JSON-LD and feed strings, which CMSs often encode twice)
 * goes through {@link #normalizeEncoded}, which first applies {@link #decodeEntities}. The DOM's own
 * text is already decoded, and decoding it again would corrupt an article that quotes "&amp;amp;".
 */
public final class TextNormalizer {

    private static final Pattern INVISIBLES = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD\\u180E]");
    /** Every space but the plain one, which needs no replacing: matching it too rebuilt every text. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000&&[^ ]]");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^ ]]");
    private static final Pattern RUNS_OF_SPACES = Pattern.compile(" {2,}");

    public static final UnaryOperator<String> decodeEntities =
            text -> text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    public static final UnaryOperator<String> composeUnicode =
            text -> Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    public static final UnaryOperator<String> removeInvisibles = text -> INVISIBLES.matcher(text).replaceAll("");
    public static final UnaryOperator<String> unifySpaces = text -> SPACES.matcher(text).replaceAll(" ");
    public static final UnaryOperator<String> removeControls = text -> CONTROLS.matcher(text).replaceAll("");
    public static final UnaryOperator<String> collapseWhitespace = text -> RUNS_OF_SPACES.matcher(text).replaceAll(" ").strip();

    private static final List<UnaryOperator<String>> RULES = List.of(
            removeInvisibles, unifySpaces, removeControls, collapseWhitespace, composeUnicode);

    private TextNormalizer() {
    }

    /** Applies every rule in order; never returns null. */
    public static String normalize(String text) {
        String result = text;
        for (UnaryOperator<String> rule : RULES) {
            result = rule.apply(result);
        }
        return result;
    }

    /** Decodes HTML entities, then {@link #normalize normalizes}. */
    public static String normalizeEncoded(String text) {
        return normalize(decodeEntities.apply(text));
    }

    /** Normalizes each text and drops the ones that end up empty. */
    public static List<String> normalizeAll(List<String> texts) {
        return texts.stream().map(TextNormalizer::normalize).filter(text -> !text.isEmpty()).toList();
    }
}
