package org.postbinder.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paragraph that only names the writer, as many sites print it inside the article body ("By Jane
 * Doe, Transport Correspondent", "Von Anna Schmidt | Hamburger Hafenblatt", "Автор: Анна Соколова"):
 * it belongs in the author field, not in the text. Only the first two paragraphs and the last are
 * looked at, where bylines sit; a sentence that merely starts with "By" ("By Thursday the quay was
 * shut.") is not a byline, because a name is capitalized words and nothing after them but a role or
 * an outlet. Pure and thread-safe.
 */
final class Byline {

    static final int MAX_CHARS = 100;

    private static final String WORD = "\\p{Lu}[\\p{L}'’.-]*";
    private static final String PARTICLE = "(?:de|da|del|dos|du|la|le|van|von|der|den|al|el|bin|ibn)";
    private static final String NAME = WORD + "(?:\\s+(?:" + PARTICLE + "\\s+){0,2}" + WORD + "){0,3}";
    private static final Pattern BYLINE = Pattern.compile("(?u)^(?i:by|von|par|por|di|door|av|yazan|автор|текст|بقلم)"
            + ":?\\s+(?<names>" + NAME + "(?:\\s*(?:,|and|und|et|y|и|&)\\s*" + NAME + ")*?)"
            + "\\s*(?:[,|—–•·/]\\s*[^.!?]{0,60})?$");
    private static final List<String> NOT_NAMES = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December", "The", "This", "That");

    /** The body without its byline paragraphs, and the writer named by the first of them. */
    record Taken(List<String> body, Optional<String> author, List<String> bylines) {}

    private Byline() {
    }

    static Taken takeFrom(List<String> body) {
        List<String> kept = new ArrayList<>();
        List<String> bylines = new ArrayList<>();
        Optional<String> author = Optional.empty();
        for (int i = 0; i < body.size(); i++) {
            Optional<String> named = i < 2 || i == body.size() - 1 ? author(body.get(i)) : Optional.empty();
            if (named.isPresent() && body.size() > 1) {
                author = author.or(() -> named);
                bylines.add(body.get(i));
            } else {
                kept.add(body.get(i));
            }
        }
        return new Taken(kept, author, bylines);
    }

    /** The names a byline paragraph gives, as written; empty when the paragraph is not a byline. */
    static Optional<String> author(String paragraph) {
        if (paragraph.length() > MAX_CHARS) {
            return Optional.empty();
        }
        Matcher byline = BYLINE.matcher(paragraph);
        if (!byline.matches()) {
            return Optional.empty();
        }
        String names = byline.group("names").strip();
        String first = names.split("\\s+")[0];
        return NOT_NAMES.contains(first) ? Optional.empty() : Optional.of(names);
    }
}
