package org.postbinder.extract;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that pages give relative to when they are read ("2 hours ago", "vor 3 Stunden",
 * "3 часа назад", "2 saat önce", "3時間前", "yesterday"): turned into an instant by counting back
 * from the moment the page was fetched, to the minute. Minutes, hours, days and weeks are read;
 * "yesterday" is the day before, at midnight. Months and years are too vague to count back.
 */
final class RelativeDates {

    /** "{amount} {unit}" in one language, and the units' words, in the order minute, hour, day, week. */
    private record Form(Pattern pattern, List<String> units) {}

    private static final List<Form> FORMS = List.of(
            form("(?:(\\d+)|an?|one)\\s+(minute|hour|day|week)s?\\s+ago", "minute", "hour", "day", "week"),
            form("vor\\s+(?:(\\d+)|einer?|einem)\\s+(minute|stunde|tag|woche)\\p{L}*", "minute", "stunde", "tag", "woche"),
            form("il y a\\s+(?:(\\d+)|une?)\\s+(minute|heure|jour|semaine)s?", "minute", "heure", "jour", "semaine"),
            form("hace\\s+(?:(\\d+)|una?)\\s+(minuto|hora|día|semana)s?", "minuto", "hora", "día", "semana"),
            form("(?:(\\d+)\\s+)?(минут|час|дн|день|недел)\\p{L}*\\s+назад", "минут", "час", "д", "недел"),
            form("(\\d+)\\s+(dakika|saat|gün|hafta)\\s+önce", "dakika", "saat", "gün", "hafta"),
            form("(\\d+)\\s*(分|時間|日|週間)前", "分", "時間", "日", "週間"));

    private static final Pattern YESTERDAY = Pattern.compile("(?iu)^\\s*(yesterday|gestern|hier|ayer|вчера|dün|昨日|昨天)(?=$|[\\s,])");
    private static final List<Duration> UNITS = List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(7));

    private RelativeDates() {
    }

    static Optional<OffsetDateTime> parse(String text, Instant reference, ZoneOffset offset) {
        OffsetDateTime now = reference.atOffset(offset).truncatedTo(ChronoUnit.MINUTES);
        if (YESTERDAY.matcher(text).find()) {
            return Optional.of(now.minusDays(1).truncatedTo(ChronoUnit.DAYS));
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            if (m.find()) {
                long amount = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
                Duration unit = UNITS.get(unitIndex(form, m.group(2)));
                return Optional.of(now.minus(unit.multipliedBy(amount)));
            }
        }
        return Optional.empty();
    }

    private static int unitIndex(Form form, String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < form.units().size(); i++) {
            if (lower.startsWith(form.units().get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("the pattern matched a unit it does not list: " + word);
    }

    private static Form form(String regex, String... units) {
        return new Form(Pattern.compile("(?iu)" + regex), List.of(units));
    }
}
