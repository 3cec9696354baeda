package org.postbinder.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place (and often the date and the agency) that news articles print before their first
 * sentence: "LONDON (Reuters) — The Bank of England…", "Berlin/Hamburg (dpa) - Der Hafen…",
 * "МОСКВА, 14 марта. /ТАСС/. …", "新华社北京4月10日电（记者 王明）…". It is metadata, not text: it
 * goes to the post's dateline field and out of the body. Only the first body paragraph is looked
 * at, where datelines sit, and only these shapes are taken:
 * <ul>
 * <li>a place in capitals ("WASHINGTON", "NIZHNY NOVGOROD", "İSTANBUL"), with optional qualifiers
 * (", Ukraine", ", April 10") and an optional agency in brackets or slashes;</li>
 * <li>a place in ordinary case, or in a script without case (Arabic), only together with an agency
 * or a qualifier that holds a date: "Hamburg" alone before a dash is too often a sentence;</li>
 * <li>then a dash (or, after a slash agency, a full stop), an optional agency named after it
 * ("— РИА Новости.", "— «Приволжская лента»."), and the rest of the paragraph, which must start
 * like a sentence (a capital, a digit, a quote, or a letter of a script without case).</li>
 * </ul>
 * "NATO — the alliance said" is not a dateline (the rest starts in lower case), nor is "BREAKING —"
 * or "UPDATE —" (labels, not places). Pure and thread-safe.
 */
final class Dateline {

    /** Longer than this is a sentence that happens to begin with a capitalized word and a dash. */
    static final int MAX_CHARS = 120;
    /** A dateline that leaves less than this of its paragraph was probably the paragraph's own heading. */
    private static final int MIN_REST = 20;

    private static final String CAPS_WORD = "\\p{Lu}[\\p{Lu}'’.-]+";
    private static final String CAPS_PLACE = CAPS_WORD + "(?:[\\s/]+" + CAPS_WORD + "){0,2}";
    private static final String CASED_PLACE = "\\p{Lu}\\p{Ll}+(?:[\\s/-]+\\p{Lu}\\p{Ll}+){0,2}";
    private static final String UNCASED_PLACE = "[\\p{Lo}\\p{M}]+(?:\\s+[\\p{Lo}\\p{M}]+){0,2}";
    private static final String QUALIFIERS = "(?<qualifiers>(?:[,،]\\s*[^,;:!?()/—–\\n]{1,30}?){0,2})";
    private static final String AGENCY = "(?<agency>\\.?\\s*[(（/][^()（）/\\n]{1,30}[)）/]\\.?)?";
    private static final String SEPARATOR = "(?:\\s*[—–‒]\\s*|\\s+--?\\s+|(?<=[/)）]\\.)\\s+)";
    private static final String AGENCY_AFTER = "(?:(?:«[^»]{1,40}»|\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2})\\.\\s+)?";
    private static final String REST = "(?<rest>[\\p{Lu}\\p{Lo}\\d\"“„«'‘].*)?";

    private static final Pattern LATIN_OR_CYRILLIC = Pattern.compile("(?us)^(?<dateline>(?<place>" + CAPS_PLACE + "|"
            + CASED_PLACE + "|" + UNCASED_PLACE + ")" + QUALIFIERS + AGENCY + SEPARATOR + AGENCY_AFTER + ")" + REST + "$");
    /** Xinhua's and the Chinese papers' form: the place and date end in 电 or 讯, maybe followed by the reporter. */
    private static final Pattern CHINESE = Pattern.compile("(?us)^(?<dateline>(?:新华社|中新社|中新网|人民网|央视网)?\\s*"
            + "(?:\\p{IsHan}{2,8}\\d{1,2}月\\d{1,2}日|本报)[电讯](?:[（(][^）)]{1,30}[）)])?)\\s*(?<rest>\\S.*)?$");
    private static final Set<String> LABELS = Set.of("BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE",
            "WATCH", "LIVE", "OPINION", "ANALYSIS", "CORRECTION", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "ALERT",
            "VIDEO", "PHOTOS", "PHOTO", "LISTEN", "READ MORE", "SPONSORED", "ADVERTISEMENT", "FACT CHECK", "EILMELDUNG",
            "СРОЧНО", "МНЕНИЕ", "SON DAKİKA");

    /** The body without its dateline, and the dateline as printed (without the dash that ended it). */
    record Taken(List<String> body, Optional<String> dateline) {}

    private Dateline() {
    }

    static Taken takeFrom(List<String> body) {
        if (body.isEmpty()) {
            return new Taken(body, Optional.empty());
        }
        Optional<Split> split = split(body.get(0)).filter(found -> !found.rest().isEmpty() || body.size() > 1);
        if (split.isEmpty()) {
            return new Taken(body, Optional.empty());
        }
        List<String> rest = new ArrayList<>(body.subList(1, body.size()));
        if (!split.get().rest().isEmpty()) {
            rest.add(0, split.get().rest());
        }
        return new Taken(rest, Optional.of(split.get().dateline()));
    }

    /** A paragraph cut after its dateline: the dateline and what follows it (empty when nothing does). */
    record Split(String dateline, String rest) {}

    static Optional<Split> split(String paragraph) {
        return matched(CHINESE, paragraph).or(() -> matched(LATIN_OR_CYRILLIC, paragraph).filter(Dateline::isPlace))
                .flatMap(match -> {
                    String rest = Optional.ofNullable(match.group("rest")).orElse("").strip();
                    String dateline = trimmed(match.group("dateline"));
                    if (dateline.length() > MAX_CHARS || (!rest.isEmpty() && rest.length() < MIN_REST)) {
                        return Optional.empty();
                    }
                    return Optional.of(new Split(dateline, rest));
                });
    }

    private static Optional<Matcher> matched(Pattern pattern, String paragraph) {
        Matcher matcher = pattern.matcher(paragraph);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    /**
     * Capitals are a place unless they are a label; ordinary case and caseless scripts only with the
     * evidence of an agency or a date, as "Hamburg —" alone is as likely a sentence's subject.
     */
    private static boolean isPlace(Matcher match) {
        String place = match.group("place");
        if (place.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
            return !LABELS.contains(place.strip());
        }
        return match.group("agency") != null || match.group("qualifiers").chars().anyMatch(Character::isDigit);
    }

    /**
     * The dateline without the separator that ended it: "LONDON (Reuters) —" is kept as "LONDON
     * (Reuters)", "МОСКВА, 3 апр — РИА Новости." as "МОСКВА, 3 апр — РИА Новости". A full stop
     * before a dash stays ("SAN FRANCISCO, Calif. —"): it ends an abbreviation.
     */
    private static String trimmed(String dateline) {
        String stripped = dateline.strip();
        String undashed = stripped.replaceAll("\\s*[—–‒-]+$", "");
        return undashed.equals(stripped) ? stripped.replaceAll("\\.$", "") : undashed;
    }
}
