package org.postbinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.Launcher;
import org.postbinder.support.TestDatabase;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The launcher's contract at the terminal: exit codes and one-line reasons. */
class CommandLineIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    static Path home;

    static Launcher launcher;

    @BeforeAll
    static void launcher() {
        launcher = new Launcher(home);
    }

    @Test
    void aBadJobFileStopsTheRunWithOneLineNamingTheLineAndKey() throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "run", "src/test/resources/fixtures/jobs/bad-unknown-key.yml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip()).isEqualTo(
                "postbinder: src/test/resources/fixtures/jobs/bad-unknown-key.yml:6: scope.max-dept: unknown key");
    }

    @Test
    void aMissingJobFileIsOneLineToo() throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "crawl", "jobs/no-such-job.yml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip()).isEqualTo("postbinder: jobs/no-such-job.yml: no such job file");
    }

    @Test
    void aDatabaseServerThatIsDownAtStartIsOneLineNamingTheSetting() throws Exception {
        // port 1 on this machine: nothing listens there, so the connection is refused at once
        Launcher down = Launcher.onDatabase(home.resolve("down"), "jdbc:postgresql://127.0.0.1:1/postbinder");

        Launcher.Result result = down.run(TIMEOUT, "run", "jobs/demo.yml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip())
                .startsWith("postbinder: cannot connect to the database (spring.datasource.url): ")
                .contains("Connection to 127.0.0.1:1 refused").doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void restartingAnUnknownExecutionSaysSo() throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "restart", "4242");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip()).isEqualTo("postbinder: no execution 4242 (see `postbinder runs`)");
    }

    @Test
    void aSecondProcessOnTheSameEmbeddedDatabaseIsToldItIsInUse() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "PostgreSQL serves many processes");
        // given: another process holds the embedded database (here: this test's JVM, with a connection open)
        launcher.run(TIMEOUT, "runs");
        try (Connection held = launcher.connect()) {
            // when
            Launcher.Result result = launcher.run(TIMEOUT, "runs");

            // then
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output().strip()).isEqualTo("postbinder: the embedded database under output/.postbinder is in "
                    + "use by another Postbinder process (embedded H2 serves one process at a time: wait for it to end, "
                    + "or use PostgreSQL)");
        }
    }

    @Test
    void serveRefusesAUserWhosePasswordIsNotABcryptHashInOneLine() throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "serve", "--server.port=0",
                "--postbinder.serve.users[0].name=ann", "--postbinder.serve.users[0].password-hash=secret",
                "--postbinder.serve.users[0].role=OPERATOR");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip()).doesNotContain("\n\tat ").contains("postbinder: ")
                .contains("the password-hash of user ann is not a BCrypt hash");
        assertThat(result.output()).doesNotContain("secret");
    }

    @Test
    void serveRefusesARoleThatIsNeitherViewerNorOperatorNamingTheSetting() throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "serve", "--server.port=0",
                "--postbinder.serve.users[0].name=ann",
                "--postbinder.serve.users[0].password-hash=" + new BCryptPasswordEncoder().encode("harbour"),
                "--postbinder.serve.users[0].role=admin");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip()).doesNotContain("\n\tat ")
                .contains("postbinder: invalid setting postbinder.serve.users[0].role: ").contains("admin");
    }

    @Test
    void extractPrintsOnePostAsJson() throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "extract",
                "jobs/demo-site/wordpress/2025/04/10/us-russia-delegations-istanbul/index.html");

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode printed = JsonMapper.builder().build().readTree(result.output());
        assertThat(printed.get("article").asBoolean()).isTrue();
        assertThat(printed.get("post").get("title").asString())
                .isEqualTo("US, Russia delegations arrive for talks in Istanbul on diplomatic missions");
        assertThat(printed.get("post").get("captions")).hasSize(1);
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "archive-everything");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Unmatched argument", "archive-everything");
    }
}
