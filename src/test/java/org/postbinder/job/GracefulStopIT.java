package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.Sql;

/**
 * SIGTERM (what systemd, Kubernetes and Ctrl-C send) stops a run gracefully: its crawl partitions
 * stop at a chunk boundary, the run ends STOPPED with nothing published, and {@code restart}
 * completes it with every post stored once.
 */
class GracefulStopIT {

    private static final int POSTS = 40;
    private static final String RUN = "sigterm-test";

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @BeforeEach
    void serveTheBlog() {
        new GeneratedBlog(POSTS, 150).serveOn(site);
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void sigtermStopsTheRunAtAChunkBoundaryAndARestartCompletesIt() throws Exception {
        // given
        Path jobFile = GeneratedBlog.writeJob(home.resolve("harbour.yml"), site.url("/blog/").toString(), "formats: [csv]");
        Launcher launcher = new Launcher(home);

        // when: SIGTERM once some posts are stored
        Process run = launcher.start("run", jobFile.toString(), "--run-id", RUN);
        String stopped;
        try {
            launcher.awaitPrinted("  stored ", 6, run);
            run.destroy();
            assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the process exits:\n" + launcher.printedSince(0)).isTrue();
            stopped = launcher.printedSince(0);
        } finally {
            run.destroyForcibly();
        }

        // then
        assertThat(stopped).contains("STOPPED", "to continue");
        assertThat(home.resolve("output/harbour/" + RUN)).as("nothing published").doesNotExist();
        long execution = executionId(stopped);
        Launcher.Result restart = launcher.run(Duration.ofMinutes(3), "restart", String.valueOf(execution));
        assertThat(restart.exitCode()).as(restart.output() + steps(launcher)).isZero();
        assertThat(restart.output()).contains("COMPLETED").doesNotContain("left running by a process that is gone");
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where job_name = 'harbour'")).isEqualTo(POSTS);
            assertThat(Sql.count(db, "select count(*) from frontier where run_id = '" + RUN + "' and status = 'PENDING'")).isZero();
        }
        assertThat(home.resolve("output/harbour/" + RUN + "/posts.csv")).exists();
    }


    private static long executionId(String output) {
        Matcher execution = Pattern.compile("STOPPED \\(execution (\\d+)").matcher(output);
        assertThat(execution.find()).as("a STOPPED execution in:\n" + output).isTrue();
        return Long.parseLong(execution.group(1));
    }

    /** The step executions, for a failure message. */
    private static String steps(Launcher launcher) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection db = launcher.connect();
             ResultSet rs = db.createStatement().executeQuery(
                     "select step_execution_id, step_name, status, exit_code from batch_step_execution order by 1")) {
            while (rs.next()) {
                rows.append('\n').append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ')
                        .append(rs.getString(3)).append(' ').append(rs.getString(4));
            }
        }
        return rows.toString();
    }
}
