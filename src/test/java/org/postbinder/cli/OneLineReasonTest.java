package org.postbinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

class OneLineReasonTest {

    @Test
    void aDatabaseServerThatDoesNotAnswerIsNamedAsSuch() throws Exception {
        // given: the real PostgreSQL driver, refused by a port nobody listens on
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Throwable refused = catchThrowable(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closed + "/archive",
                "postbinder", ""));

        // when: it arrives wrapped, as Flyway and Spring wrap it
        String reason = OneLineReason.of(new IllegalStateException("Unable to obtain connection", refused));

        // then
        assertThat(reason).startsWith("cannot connect to the database (spring.datasource.url): Connection to 127.0.0.1:" + closed
                + " refused").doesNotContain("\n");
    }

    @Test
    void otherwiseTheDeepestCauseSpeaksInOneLine() {
        Throwable failure = new IllegalStateException("step failed",
                new java.io.UncheckedIOException(new java.io.IOException("No space left on device\n\tat somewhere")));

        assertThat(OneLineReason.of(failure)).isEqualTo("No space left on device");
    }
}
