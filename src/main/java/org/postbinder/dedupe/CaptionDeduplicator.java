package org.postbinder.dedupe;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps each caption once, as a caption. A body paragraph that repeats a caption is removed from
 * the body: compared on a key that ignores case, punctuation, quote style, spacing and a trailing
 * photo credit, and where a text covering nearly all of the other counts as the same. A paragraph
 * printed twice in a row (how many sites print a photo caption when the figure markup is lost) is
 * kept once, as a caption, when it is sentence-long; shorter repeats (a refrain, a table row) are
 * left as they are. Pure and thread-safe.
 */
public final class CaptionDeduplicator {

    /** How much of the longer text the shorter must cover to count as the same caption. */
    private static final double NEAR_IDENTICAL = 0.85;
    /** Shorter twice-printed lines are refrains and list items, not captions. */
    private static final int MIN_REPEATED_CAPTION = 40;
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)(\\s*[(\\[]\\s*(photo|foto|фото|image|picture|credit|source|bild|quelle)s?\\b[^)\\]]*[)\\]]"
            + "|\\s*(photo|foto|фото|image|credit|bild|quelle)s?\\s*(:|by)\\s*[^.]{1,80}$"
            + "|\\s*[|©]\\s*[^.|©]{1,80}$)\\s*$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The result: the body without repeated captions, and each caption once. */
    public record Result(List<String> paragraphs, List<String> captions) {
        public Result {
            paragraphs = List.copyOf(paragraphs);
            captions = List.copyOf(captions);
        }
    }

    public Result deduplicate(List<String> paragraphs, List<String> captions) {
        Map<String, String> captionsByKey = new LinkedHashMap<>();
        captions.forEach(caption -> addCaption(captionsByKey, caption));
        List<String> body = new ArrayList<>();
        String previousKey = null;
        for (String paragraph : paragraphs) {
            String key = key(paragraph);
            if (key.isEmpty() || matchesAny(key, captionsByKey)) {
                continue;
            }
            if (key.equals(previousKey) && isCaptionLike(paragraph)) {
                body.remove(body.size() - 1);
                addCaption(captionsByKey, paragraph);
                previousKey = null;
                continue;
            }
            body.add(paragraph);
            previousKey = key;
        }
        return new Result(body, List.copyOf(captionsByKey.values()));
    }

    /** The caption of {@code kept} that is the same text as {@code caption}; empty when none is. */
    public Optional<String> keptAs(String caption, List<String> kept) {
        String key = key(caption);
        return key.isEmpty() ? Optional.empty() : kept.stream().filter(candidate -> sameText(key, key(candidate))).findFirst();
    }

    /** Sentence-long and not a table row (whose cells are joined with " | "). */
    private static boolean isCaptionLike(String paragraph) {
        return paragraph.length() >= MIN_REPEATED_CAPTION && !paragraph.contains(" | ");
    }

    /** The comparison key: credit removed, letters and digits only, lower case, NFKC. */
    static String key(String text) {
        String folded = Normalizer.normalize(withoutCredit(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    /**
     * The text without its trailing credit. Only a credit in brackets can hold a full stop, so in
     * text without brackets a credit can only come after the last full stop, and the pattern is
     * run from there: run over a whole paragraph, it tried its keywords at every character.
     */
    private static String withoutCredit(String text) {
        boolean bracketed = text.indexOf('(') >= 0 || text.indexOf('[') >= 0;
        Matcher credit = CREDIT.matcher(text).region(bracketed ? 0 : text.lastIndexOf('.') + 1, text.length());
        return credit.find() ? text.substring(0, credit.start()) + text.substring(credit.end()) : text;
    }

    static boolean sameText(String keyA, String keyB) {
        if (keyA.equals(keyB)) {
            return true;
        }
        String shorter = keyA.length() <= keyB.length() ? keyA : keyB;
        String longer = shorter == keyA ? keyB : keyA;
        return shorter.length() >= 20 && longer.startsWith(shorter)
                && shorter.length() >= longer.length() * NEAR_IDENTICAL;
    }

    private static void addCaption(Map<String, String> captionsByKey, String caption) {
        String key = key(caption);
        if (!key.isEmpty() && !matchesAny(key, captionsByKey)) {
            captionsByKey.put(key, caption);
        }
    }

    private static boolean matchesAny(String key, Map<String, String> captionsByKey) {
        return captionsByKey.keySet().stream().anyMatch(captionKey -> sameText(key, captionKey));
    }
}
