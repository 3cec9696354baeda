package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
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
import org.postbinder.support.SmallDisk;
import org.postbinder.support.Sql;
import org.postbinder.support.TestDatabase;

/**
 * The database is lost under a running crawl: PostgreSQL drops every connection (as a restart of
 * the database server or a network cut does; in the postgres profile, {@code mvn verify -Ppostgres}),
 * or the disk of the embedded H2 database fills up (a tmpfs, so root, as in CI). Either way the run
 * does not hang, it ends, and run again with the same id it completes with every post stored once.
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
        Launcher launcher = new Launcher(home);
        Path jobFile = aSite();
        Process run = launcher.start("run", jobFile.toString(), "--run-id", RUN);
        launcher.awaitPrinted("  stored ", 5, run);

        // when: every connection of the run's database is terminated, again and again for a second
        for (int i = 0; i < 10; i++) {
            terminateConnections(launcher.databaseUrl());
            Thread.sleep(100);
        }

        // then
        endsFailed(launcher, run);
        completesWhenRunAgain(launcher, jobFile);
    }

    @Test
    void aCrawlWhoseEmbeddedDatabaseDiskFillsUpEndsAndCompletesOnceThereIsSpace() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "fills the embedded database's disk: runs without -Ppostgres");
        Launcher launcher = new Launcher(home);
        try (SmallDisk disk = SmallDisk.mount(home.resolve("db"), 64)) {
            assumeTrue(disk != null, "mounting a tmpfs for the embedded database needs root (CI runs as root)");
            // given: a crawl in progress
            Path jobFile = aSite();
            Process run = launcher.start("run", jobFile.toString(), "--run-id", RUN);
            launcher.awaitPrinted("  stored ", 5, run);

            // when: the database's disk fills up
            Path filler = disk.fillLeaving(0);

            // then
            assertThat(endsFailed(launcher, run)).contains("failure: No space left on device");
            Files.delete(filler);
            completesWhenRunAgain(launcher, jobFile);
        }
    }

    private Path aSite() throws Exception {
        new GeneratedBlog(POSTS, 100).serveOn(site);
        site.start();
        return GeneratedBlog.writeJob(home.resolve("harbour.yml"), site.url("/blog/").toString(), "formats: [csv]");
    }

    /**
     * The run ends by itself, failed, saying so without stack traces: in its summary, or, when the
     * fault also hit the job repository's last update, in one line. Returns what it printed.
     */
    private static String endsFailed(Launcher launcher, Process run) throws Exception {
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("the run does not hang").isTrue();
        String lost = launcher.printedSince(0);
        assertThat(run.exitValue()).as(lost).isNotZero();
        assertThat(lost).containsPattern("Run cut of job harbour: (FAILED|UNKNOWN)|\npostbinder: ").doesNotContain("\tat ");
        return lost;
    }

    /** Run again with the same id, the run completes with every post stored once. */
    private static void completesWhenRunAgain(Launcher launcher, Path jobFile) throws Exception {
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
