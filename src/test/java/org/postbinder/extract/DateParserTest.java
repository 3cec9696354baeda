package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

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
            """)
    void readsTheDateFormatsPagesPublish(String raw, String expected) {
        assertThat(DateParser.parse(raw, ZoneOffset.UTC)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday-ish", "31.02.2025", "Posted in Blog"})
    void returnsEmptyForWhatIsNotADate(String raw) {
        assertThat(DateParser.parse(raw, ZoneOffset.UTC)).isEmpty();
    }
}
