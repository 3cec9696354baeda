package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.postbinder.support.Pages;

class CharsetSnifferTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            windows-1251.html      | Районная библиотека открыла читальный зал после ремонта
            windows-1252.html      | Le café du port rouvre après l’hiver
            shift_jis.html         | 港の朝市、今年も四月から再開
            utf-8-undeclared.html  | Ferry timetable: Süd-Route wird eingestellt
            """)
    void aPageThatDeclaresNoCharsetIsReadRight(String file, String title) throws Exception {
        byte[] body = Files.readAllBytes(Pages.testResource("fixtures/charsets/" + file));

        FetchedPage page = new FetchedPage(URI.create("https://old.example/" + file), URI.create("https://old.example/" + file),
                "text/html", Optional.empty(), body, Instant.now());

        assertThat(page.parse().selectFirst("h1").text()).isEqualTo(title);
    }

    @Test
    void aMetaCharsetOrAByteOrderMarkIsLeftToTheParser() {
        byte[] meta = "<html><head><meta charset=\"windows-1251\"><title>x</title></head></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};

        assertThat(CharsetSniffer.undeclared(meta)).isEmpty();
        assertThat(CharsetSniffer.undeclared(bom)).isEmpty();
    }

    @Test
    void bytesThatAreNeitherUtf8NorRecognisedFallBackToWindows1252() {
        byte[] noise = {'<', 'p', '>', 'a', (byte) 0xE9, ' ', 'b', '<', '/', 'p', '>'};

        assertThat(CharsetSniffer.undeclared(noise)).contains(java.nio.charset.Charset.forName("windows-1252"));
    }

    @Test
    void aUtf8SequenceCutAtTheEndOfTheSampleStillCountsAsUtf8() {
        byte[] body = ("<p>" + "ä".repeat(40_000) + "</p>").getBytes(StandardCharsets.UTF_8);

        assertThat(CharsetSniffer.undeclared(body)).contains(StandardCharsets.UTF_8);
    }
}
