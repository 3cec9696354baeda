package org.postbinder.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates that pages publish (ISO-8601 and its sloppy variants, RFC 1123, "April 10, 2025",
 * "10 April 2025", "10.04.2025, 14:05 Uhr", Drupal's "04/10/2025 - 14:05", month names in a dozen
 * languages such as "12 Mart 2025 14:30" and "10 апреля 2025", and "2025年4月10日 14時05分") into
 * ISO-8601 with an offset.
 * A date without a time is taken as midnight; a date without an offset gets {@code defaultOffset}.
 * Pure and thread-safe.
 */
public final class DateParser {

    /** The one output format of the archive: seconds always present, "Z" for UTC. */
    public static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final List<DateTimeFormatter> WORDY = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            english("EEE, d MMM uuuu HH:mm:ss zzz"),
            english("MMMM d, uuuu h:mm a"),
            english("MMMM d, uuuu"),
            english("MMM d, uuuu"),
            english("EEEE, MMMM d, uuuu"),
            english("EEEE, d MMMM uuuu"),
            english("EEE, d MMMM uuuu"),
            english("d MMMM uuuu"),
            english("d MMM uuuu"),
            english("d MMMM uuuu HH:mm"));

    /** "2025年4月10日 14時05分", "2025年4月10日 14:05", "2025년 4월 10일". */
    private static final Pattern EAST_ASIAN = Pattern.compile(
            "(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일](?:\\D{0,6}?(\\d{1,2})\\s*[時时:点시]\\s*(\\d{2}))?");
    /** "12 Mart 2025", "3. Februar 2025", "10 de abril de 2025", "10 апреля 2025 г., 14:05". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?U)\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}+)\\.?,?\\s+(?:de\\s+)?(\\d{4})");
    /** "Mart 12, 2025", "avril 3 2025" (and the English forms {@link #WORDY} missed, "Sept. 3, 2025"). */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?U)\\b(\\p{L}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
    /** A time after the date: "14:30", "14.30 Uhr", "14h30". */
    private static final Pattern TIME_AFTER = Pattern.compile("^\\D{0,16}?\\b(\\d{1,2})[:.h](\\d{2})\\b");

    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?:\\D{1,8}?(\\d{1,2}):(\\d{2}))?");

    private DateParser() {
    }

    public static Optional<String> parse(String raw, ZoneOffset defaultOffset) {
        return parseDateTime(raw, defaultOffset).map(ISO::format);
    }

    /**
     * As {@link #parseDateTime(String, ZoneOffset)}, and also dates relative to {@code reference}
     * (the time the page was fetched): "2 hours ago", "vor 3 Stunden", "yesterday".
     */
    public static Optional<OffsetDateTime> parseDateTime(String raw, ZoneOffset defaultOffset, Instant reference) {
        return parseDateTime(raw, defaultOffset).or(() -> raw.length() <= 100
                ? RelativeDates.parse(raw.strip(), reference, defaultOffset) : Optional.empty());
    }

    public static Optional<OffsetDateTime> parseDateTime(String raw, ZoneOffset defaultOffset) {
        String text = raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 100) {
            return Optional.empty();
        }
        return iso(text, defaultOffset)
                .or(() -> wordy(text, defaultOffset))
                .or(() -> eastAsian(text, defaultOffset))
                .or(() -> named(text, defaultOffset))
                .or(() -> numeric(text, defaultOffset));
    }

    private static Optional<OffsetDateTime> iso(String text, ZoneOffset defaultOffset) {
        try {
            TemporalAccessor parsed = ISO_LENIENT.parse(text);
            return Optional.of(toOffsetDateTime(parsed, defaultOffset));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<OffsetDateTime> wordy(String text, ZoneOffset defaultOffset) {
        String cleaned = text.replaceAll("(?i)(\\d)(st|nd|rd|th)\\b", "$1").replace(" at ", " ");
        for (DateTimeFormatter formatter : WORDY) {
            try {
                return Optional.of(toOffsetDateTime(formatter.parse(cleaned), defaultOffset));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static Optional<OffsetDateTime> eastAsian(String text, ZoneOffset defaultOffset) {
        Matcher m = EAST_ASIAN.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), time,
                defaultOffset);
    }

    /** Dates with the month's name in one of {@link MonthNames}' languages, day first or month first. */
    private static Optional<OffsetDateTime> named(String text, ZoneOffset defaultOffset) {
        Matcher dayFirst = DAY_MONTH_YEAR.matcher(text);
        if (dayFirst.find() && MonthNames.of(dayFirst.group(2)).isPresent()) {
            return date(Integer.parseInt(dayFirst.group(3)), MonthNames.of(dayFirst.group(2)).get(),
                    Integer.parseInt(dayFirst.group(1)), timeAfter(text.substring(dayFirst.end())), defaultOffset);
        }
        Matcher monthFirst = MONTH_DAY_YEAR.matcher(text);
        if (monthFirst.find() && MonthNames.of(monthFirst.group(1)).isPresent()) {
            return date(Integer.parseInt(monthFirst.group(3)), MonthNames.of(monthFirst.group(1)).get(),
                    Integer.parseInt(monthFirst.group(2)), timeAfter(text.substring(monthFirst.end())), defaultOffset);
        }
        return Optional.empty();
    }

    private static LocalTime timeAfter(String rest) {
        Matcher m = TIME_AFTER.matcher(rest);
        if (!m.find()) {
            return LocalTime.MIDNIGHT;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : LocalTime.MIDNIGHT;
    }

    private static Optional<OffsetDateTime> date(int year, int month, int day, LocalTime time, ZoneOffset offset) {
        try {
            return Optional.of(OffsetDateTime.of(LocalDate.of(year, month, day), time, offset));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Dotted dates are day-first (10.04.2025). Slashed dates are month-first (Drupal's default
     * "04/10/2025") unless the first number cannot be a month ("25/04/2025").
     */
    private static Optional<OffsetDateTime> numeric(String text, ZoneOffset defaultOffset) {
        Matcher m = NUMERIC.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(3));
        int year = Integer.parseInt(m.group(4));
        boolean monthFirst = m.group(2).equals("/") && first <= 12;
        int day = monthFirst ? second : first;
        int month = monthFirst ? first : second;
        LocalTime time = m.group(5) == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        return date(year, month, day, time, defaultOffset);
    }

    private static OffsetDateTime toOffsetDateTime(TemporalAccessor parsed, ZoneOffset defaultOffset) {
        LocalDate date = LocalDate.from(parsed);
        LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.of(date, time, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
        }
        try {
            return ZonedDateTime.from(parsed).toOffsetDateTime();
        } catch (java.time.DateTimeException e) {
            return OffsetDateTime.of(LocalDateTime.of(date, time), defaultOffset).withNano(0);
        }
    }

    private static DateTimeFormatter english(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
