package org.postbinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;

/**
 * Two {@code run} processes of one job on a shared database (H2 in mixed mode here, PostgreSQL in
 * the postgres profile): the second is refused at once with a message naming the run that holds the
 * job, whether it asks for the same run id or a new one, and the first goes on to complete.
 */
class ConcurrentRunsIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aSecondRunOfAJobThatIsRunningIsRefusedAndTheFirstCompletes() throws Exception {
        // given: a run under way, held on one post until the other processes have been answered
        CountDownLatch release = new CountDownLatch(1);
        String held = GeneratedBlog.postPath(6);
        new GeneratedBlog(12, 0).withPostHeldUntil(6, release).serveOn(site);
        site.start();
        Path job = GeneratedBlog.writeJob(home.resolve("harbour.yml"), site.url("/blog/").toString(), "formats: [csv]");
        Launcher launcher = new Launcher(home, ";AUTO_SERVER=TRUE");
        String[] patient = GeneratedBlog.patientFetches();
        Process first = launcher.start("run", job.toString(), "--run-id", "night", patient[0], patient[1]);
        awaitHit(held, first);

        // when
        Launcher.Result sameRun = launcher.run(PATIENCE, "run", job.toString(), "--run-id", "night");
        Launcher.Result newRun = launcher.run(PATIENCE, "run", job.toString(), "--run-id", "another");
        release.countDown();

        // then
        for (Launcher.Result refused : List.of(sameRun, newRun)) {
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("job harbour is already running").doesNotContain("\tat ");
        }
        assertThat(first.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(launcher.printedSince(0)).isZero();
        assertThat(launcher.printedSince(0)).contains("Run night of job harbour: COMPLETED", "posts stored     12");
    }

    private void awaitHit(String path, Process run) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (site.hits(path) == 0) {
            assertThat(run.isAlive() && System.nanoTime() < deadline).as("the run reached " + path).isTrue();
            Thread.sleep(20);
        }
    }
}
