package org.postbinder.clean;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Drops body blocks that are site furniture by their words rather than their markup: comment-form
 * notices, "Leave a reply", share prompts, "Read more" teasers, "Posted by ... at ..." lines, label
 * lists, and a lone category or section label (the "Blog" above a title). Applies to normalized
 * text. Pure and thread-safe.
 */
public final class BoilerplateFilter {

    private static final List<Pattern> PHRASES = Stream.of(
            "your email address will not be published.*",
            "required fields are marked.*",
            "(leave|post|add|write) a (reply|response|comment).*",
            "(no|\\d+) (comments?|responses?|replies)( so far)?\\.?",
            "comments? \\(\\d+\\)|kommentare \\(\\d+\\)",
            "(share|like) this:?.*",
            "share (on|via) .{1,40}",
            "(click|tap) to share.*",
            "(read more|continue reading|read the full (story|article)|read also|also read|see also|related( posts| articles| stories)?|you might also like|more from .{1,60})\\s*[:»›→…]*.{0,120}",
            "(mehr zum thema|lesen sie auch|weiterlesen|читайте также|поделиться|подписывайтесь.*)\\s*:?.{0,120}",
            "posted by .{1,80} at \\d{1,2}:\\d{2}.*",
            "labels?:.*",
            "(filed under|tagged( with)?|categories|category|tags?):.*",
            "subscribe( now| to .{1,60})?[.!]?",
            "sign up for .{1,80}newsletter.*",
            "advertisement|anzeige|реклама|sponsored( content)?",
            "log in or register to post comments",
            "\\d+ min(ute)?s? read.*",
            "(published in|written by|follow|following|sign in|sign up)( .{1,60})?",
            "(print|email|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest)( \\| (print|email|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest))+")
            .map(phrase -> Pattern.compile("(?iu)" + phrase))
            .toList();

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
                && PHRASES.stream().anyMatch(phrase -> phrase.matcher(paragraph).matches());
    }
}
