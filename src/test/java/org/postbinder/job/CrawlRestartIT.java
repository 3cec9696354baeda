package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
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
 * A crawl killed with SIGKILL part-way and restarted with {@code restart} finishes the run, and
 * every post ends up in the store exactly once. The crawl runs in its own JVM against a blog served
 * over HTTP on 127.0.0.1.
 */
class CrawlRestartIT {

    private static final int POSTS = 40;
    private static final String RUN = "kill-test";

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();
    private final GeneratedBlog blog = new GeneratedBlog(POSTS, 150);

    @BeforeEach
    void serveTheBlog() {
        blog.serveOn(site);
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aKilledCrawlRestartsWhereItStoppedAndStoresEveryPostOnce() throws Exception {
        // given
        Path jobFile = home.resolve("harbour.yml");
        Files.writeString(jobFile, """
                name: harbour
                sources:
                  start-urls: [%s]
                scope:
                  exclude: ['/category/', '/author/', '/about/', '/media/']
                  max-depth: 10
                crawl:
                  allow-private-addresses: true
                """.formatted(site.url("/blog/")));
        Launcher launcher = new Launcher(home);

        // when: the crawl is killed once some posts are stored
        Process crawl = launcher.start("crawl", jobFile.toString(), "--run-id", RUN);
        launcher.awaitPrinted("  stored ", 8, crawl);
        crawl.destroyForcibly().waitFor();
        int storedBeforeKill = storedPosts(launcher);

        // then it restarts from the job repository
        long execution = executionId(launcher.run(Duration.ofMinutes(1), "runs").output());
        Launcher.Result restart = launcher.run(Duration.ofMinutes(3), "restart", String.valueOf(execution));

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("left running by a process that is gone", "COMPLETED");
        assertThat(storedBeforeKill).isBetween(1, POSTS - 1);
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where job_name = 'harbour'"))
                    .as(frontierRows(db) + "\n" + restart.output()).isEqualTo(POSTS);
            assertThat(Sql.count(db, "select count(distinct canonical_url) from posts where job_name = 'harbour'")).isEqualTo(POSTS);
            assertThat(Sql.count(db, "select count(*) from frontier where run_id = '" + RUN + "' and status = 'PENDING'")).isZero();
            assertThat(Sql.count(db, "select count(*) from frontier where run_id = '" + RUN + "' and status = 'STORED'")).isEqualTo(POSTS);
            // the printer-friendly copy of post 1 is the same article: found unchanged, post 1's row left as it was
            assertThat(Sql.count(db, "select count(*) from frontier where run_id = '" + RUN + "' and status = 'UNCHANGED'")).isEqualTo(1);
        }
        for (int post = 1; post <= POSTS; post++) {
            // fetched once, or twice when the kill hit while it was in flight: never re-crawled from scratch
            assertThat(site.hits(GeneratedBlog.postPath(post))).as("fetches of post %d", post).isBetween(1, 2);
        }
    }


    private static int storedPosts(Launcher launcher) throws Exception {
        try (Connection db = launcher.connect()) {
            return Sql.count(db, "select count(*) from posts");
        }
    }

    private static long executionId(String runsOutput) {
        Matcher row = Pattern.compile("(?m)^(\\d+)\\s+harbour\\s+" + RUN + "\\s+postCrawlJob\\s+STARTED").matcher(runsOutput);
        assertThat(row.find()).as("a STARTED execution in:\n" + runsOutput).isTrue();
        return Long.parseLong(row.group(1));
    }

    private static String frontierRows(Connection db) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (ResultSet rs = db.createStatement().executeQuery("select url, status, reason, attempts from frontier order by id")) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                        .append(' ').append(rs.getInt(4)).append('\n');
            }
        }
        return rows.toString();
    }
}
