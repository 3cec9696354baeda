package org.postbinder.extract;

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
 * "10 April 2025", "10.04.2025, 14:05 Uhr", Drupal's "04/10/2025 - 14:05") into ISO-8601 with an offset.
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

    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?:\\D{1,8}?(\\d{1,2}):(\\d{2}))?");

    private DateParser() {
    }

    public static Optional<String> parse(String raw, ZoneOffset defaultOffset) {
        return parseDateTime(raw, defaultOffset).map(ISO::format);
    }

    public static Optional<OffsetDateTime> parseDateTime(String raw, ZoneOffset defaultOffset) {
        String text = raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 100) {
            return Optional.empty();
        }
        return iso(text, defaultOffset)
                .or(() -> wordy(text, defaultOffset))
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
        try {
            return Optional.of(OffsetDateTime.of(LocalDate.of(year, month, day), time, defaultOffset));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
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
