package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressConsoleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressConsole terminal = new ProgressConsole(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void onATerminalTheStatusLineIsRewrittenInPlaceAndUrlLinesScrollAboveIt() {
        terminal.status("crawl: 3 found");
        terminal.line("  stored      https://blog.example/a/");
        terminal.status("crawl: 5 found");
        terminal.endStatus();

        assertThat(screen()).isEqualTo("  stored      https://blog.example/a/\n");
        assertThat(written()).isEqualTo("\r\033[Kcrawl: 3 found"
                + "\r\033[K  stored      https://blog.example/a/" + System.lineSeparator() + "crawl: 3 found"
                + "\r\033[Kcrawl: 5 found"
                + "\r\033[K");
    }

    @Test
    void offATerminalNothingIsDrawnOnTheStreamTheLinesGoToTheLog() {
        ProgressConsole log = new ProgressConsole(false, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        log.status("crawl: 3 found");
        log.line("  stored      https://blog.example/a/");
        log.endStatus();

        assertThat(written()).as("lines go to the log, with no control characters").isEmpty();
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What a terminal shows after interpreting carriage returns and erase-line. */
    private String screen() {
        StringBuilder screen = new StringBuilder();
        StringBuilder line = new StringBuilder();
        String text = written().replace(System.lineSeparator(), "\n");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (text.startsWith("\033[K", i)) {
                line.setLength(0);
                i += 2;
            } else if (c == '\r') {
                line.setLength(0);
            } else if (c == '\n') {
                screen.append(line).append('\n');
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        return screen.append(line).toString();
    }
}
