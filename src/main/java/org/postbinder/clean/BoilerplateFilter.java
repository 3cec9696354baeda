package org.postbinder.clean;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    public List<String> filter(List<String> paragraphs, List<String> labels) {
        Set<String> labelKeys = keys(labels);
        return paragraphs.stream().filter(paragraph -> reason(paragraph, labelKeys).isEmpty()).toList();
    }

    /** Why a block is furniture ("furniture phrase COMMENT_NOTICE", ...), or empty when it is not. */
    public Optional<String> reason(String paragraph, List<String> labels) {
        return reason(paragraph, keys(labels));
    }

    private static Optional<String> reason(String paragraph, Set<String> labelKeys) {
        if (labelKeys.contains(paragraph.toLowerCase(Locale.ROOT))) {
            return Optional.of("a category or section label shown on the page");
        }
        if (NO_LETTERS.matcher(paragraph).matches()) {
            return Optional.of("no letters (a counter, separator or icon)");
        }
        return Arrays.stream(FurniturePhrase.values()).filter(phrase -> phrase.matches(paragraph)).findFirst()
                .map(phrase -> "furniture phrase " + phrase.name());
    }

    private static Set<String> keys(List<String> labels) {
        return labels.stream().map(label -> label.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
