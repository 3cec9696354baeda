package org.postbinder.clean;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drops body blocks that are site furniture by their words rather than their markup (the
 * {@link FurniturePhrase}s: comment-form notices, share prompts, "Read more" teasers, label lists,
 * ...), blocks with no letters at all (counters, separators), and a lone category or section label
 * shown on the page (the "Blog" above a title). Applies to normalized text. Pure and thread-safe.
 */
public final class BoilerplateFilter {

    /** Counters, separators and icons ("--", "·", "4"): nothing a reader would read. */
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*");

    /** Longer blocks are prose even when they start like furniture ("Read more about the treaty in ..."). */
    private static final int MAX_FURNITURE_CHARS = 200;

    public List<String> filter(List<String> paragraphs, List<String> labels) {
        Set<String> labelKeys = labels.stream().map(label -> label.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return paragraphs.stream()
                .filter(paragraph -> !labelKeys.contains(paragraph.toLowerCase(Locale.ROOT)))
                .filter(paragraph -> !isBoilerplate(paragraph))
                .toList();
    }

    static boolean isBoilerplate(String paragraph) {
        return NO_LETTERS.matcher(paragraph).matches()
                || paragraph.length() <= MAX_FURNITURE_CHARS
                && Arrays.stream(FurniturePhrase.values()).anyMatch(phrase -> phrase.matches(paragraph));
    }
}
