package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-04-10T14:32:00+03:00          | 2025-04-10T14:32:00+03:00
            2025-04-10T14:32:00Z               | 2025-04-10T14:32:00Z
            2025-01-14T08:00:00.000Z           | 2025-01-14T08:00:00Z
            2025-04-10T14:32:00+0300           | 2025-04-10T14:32:00+03:00
            2025-04-10 14:32:00                | 2025-04-10T14:32:00Z
            2025-04-10T14:32                   | 2025-04-10T14:32:00Z
            2025-04-10                         | 2025-04-10T00:00:00Z
            'Thu, 10 Apr 2025 14:32:00 +0300'  | 2025-04-10T14:32:00+03:00
            'April 10, 2025'                   | 2025-04-10T00:00:00Z
            'Apr 10, 2025'                     | 2025-04-10T00:00:00Z
            '10 April 2025'                    | 2025-04-10T00:00:00Z
            'Thursday, 6 March 2025'           | 2025-03-06T00:00:00Z
            'March 6th, 2025'                  | 2025-03-06T00:00:00Z
            '10.04.2025, 14:05 Uhr'            | 2025-04-10T14:05:00Z
            'Thu, 04/10/2025 - 14:05'          | 2025-04-10T14:05:00Z
            '25/04/2025'                       | 2025-04-25T00:00:00Z
            '12 Mart 2025 14:30'               | 2025-03-12T14:30:00Z
            '3. Februar 2025'                  | 2025-02-03T00:00:00Z
            'Veröffentlicht am 3. März 2025, 14.30 Uhr' | 2025-03-03T14:30:00Z
            '10 апреля 2025 г., 14:05'         | 2025-04-10T14:05:00Z
            '10 de abril de 2025'              | 2025-04-10T00:00:00Z
            '3 avril 2025 à 9h05'              | 2025-04-03T09:05:00Z
            '21 Μαΐου 2025'                    | 2025-05-21T00:00:00Z
            '15 مارس 2025'                     | 2025-03-15T00:00:00Z
            '2025年4月10日 14時05分'            | 2025-04-10T14:05:00Z
            '2025年4月10日'                     | 2025-04-10T00:00:00Z
            '2025년 4월 10일'                   | 2025-04-10T00:00:00Z
            'Sept. 3, 2025'                    | 2025-09-03T00:00:00Z
            """)
    void readsTheDateFormatsPagesPublish(String raw, String expected) {
        assertThat(DateParser.parse(raw, ZoneOffset.UTC)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday-ish", "31.02.2025", "Posted in Blog", "12 Monkeys 2025", "2025年13月40日"})
    void returnsEmptyForWhatIsNotADate(String raw) {
        assertThat(DateParser.parse(raw, ZoneOffset.UTC)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '2 hours ago'                  | 2025-04-10T12:30:00Z
            'an hour ago'                  | 2025-04-10T13:30:00Z
            '45 minutes ago'               | 2025-04-10T13:45:00Z
            '3 days ago'                   | 2025-04-07T14:30:00Z
            'vor 3 Stunden'                | 2025-04-10T11:30:00Z
            'vor einem Tag'                | 2025-04-09T14:30:00Z
            'il y a 2 heures'              | 2025-04-10T12:30:00Z
            'hace 5 minutos'               | 2025-04-10T14:25:00Z
            '3 часа назад'                 | 2025-04-10T11:30:00Z
            '2 saat önce'                  | 2025-04-10T12:30:00Z
            '3時間前'                       | 2025-04-10T11:30:00Z
            'Yesterday at 09:15'           | 2025-04-09T00:00:00Z
            """)
    void readsDatesRelativeToWhenThePageWasFetched(String raw, String expected) {
        Instant fetched = Instant.parse("2025-04-10T14:30:27Z");

        assertThat(DateParser.parseDateTime(raw, ZoneOffset.UTC, fetched).map(DateParser.ISO::format)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday-ish", "2 months ago", "Posted 3 hours after the vote"})
    void relativeWordsThatAreNotADateAreNotRead(String raw) {
        assertThat(DateParser.parseDateTime(raw, ZoneOffset.UTC, Instant.parse("2025-04-10T14:30:27Z"))).isEmpty();
    }
}
