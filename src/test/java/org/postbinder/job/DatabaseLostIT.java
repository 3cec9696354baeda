package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.Sql;
import org.postbinder.support.TestDatabase;

/**
 * PostgreSQL drops every connection of a running crawl (as a restart of the database server or a
 * network cut does): the run does not hang, it ends, and run again with the same id it completes
 * with every post stored once. Runs in the postgres profile ({@code mvn verify -Ppostgres}).
 */
class DatabaseLostIT {

    private static final int POSTS = 30;
    private static final String RUN = "cut";

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aCrawlWhoseDatabaseConnectionsAreCutEndsAndCompletesWhenRunAgain() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "cuts PostgreSQL connections: runs with -Ppostgres");
        // given: a crawl in progress
        new GeneratedBlog(POSTS, 100).serveOn(site);
        site.start();
        Path jobFile = GeneratedBlog.writeJob(home.resolve("harbour.yml"), site.url("/blog/").toString(), "formats: [csv]");
        Launcher launcher = new Launcher(home);
        Process run = launcher.start("run", jobFile.toString(), "--run-id", RUN);
        launcher.awaitPrinted("  stored ", 5, run);

        // when: every connection of the run's database is terminated, again and again for a second
        for (int i = 0; i < 10; i++) {
            terminateConnections(launcher.databaseUrl());
            Thread.sleep(100);
        }

        // then: the run ends by itself, failed, saying so without stack traces: in its summary, or,
        // when the cut also hit the job repository's last update, in one line
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("the run does not hang").isTrue();
        String cut = launcher.printedSince(0);
        assertThat(run.exitValue()).as(cut).isNotZero();
        assertThat(cut).containsPattern("Run cut of job harbour: (FAILED|UNKNOWN)|\npostbinder: ").doesNotContain("\tat ");
        Launcher.Result again = launcher.run(Duration.ofMinutes(3), "run", jobFile.toString(), "--run-id", RUN);
        assertThat(again.exitCode()).as(launcher.printedSince(0)).isZero();
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where job_name = 'harbour'")).isEqualTo(POSTS);
            assertThat(Sql.count(db, "select count(distinct canonical_url) from posts where job_name = 'harbour'")).isEqualTo(POSTS);
        }
        assertThat(launcher.output().resolve("harbour").resolve(RUN).resolve("posts.csv")).exists();
        assertThat(again.output()).contains("Run cut of job harbour: COMPLETED");
    }

    private static void terminateConnections(String databaseUrl) throws Exception {
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        String server = System.getProperty(TestDatabase.POSTGRES);
        try (Connection admin = DriverManager.getConnection(server + "postgres", TestDatabase.user(), "");
             PreparedStatement terminate = admin.prepareStatement(
                     "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            terminate.setString(1, database);
            terminate.execute();
        }
    }
}
