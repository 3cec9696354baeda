package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.postbinder.crawl.CrawlRuns;
import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One partition's reader against a real frontier. With two lanes of one connection each, the first
 * server a run sees ({@code one.example}, always queued first here) is lane 0, read by partition 0,
 * and the second ({@code two.example}) lane 1, read by partition 1. Waiting is shown with threads and latches; no
 * assertion depends on how long anything took.
 */
class FrontierReaderTest {

    /** Generous: a reader that should return does so in milliseconds, even on a busy machine. */
    private static final long PATIENCE_SECONDS = 20;

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final CrawlRuns runs = new CrawlRuns(jdbc);
    private final Frontier frontier = new Frontier(jdbc, runs);
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "frontier-reader-test");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aPartitionReadsOnlyTheUrlsOfItsOwnLanes() throws Exception {
        // given: two servers in two lanes, their URLs found in turn
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        add("https://one.example/a/");
        add("https://two.example/a/");
        add("https://one.example/b/");
        add("https://two.example/b/");
        FrontierReader first = reader(0);
        FrontierReader second = reader(1);

        // when: each partition visits what it reads
        List<String> readByFirst = new ArrayList<>();
        List<String> readBySecond = new ArrayList<>();
        for (int visit = 0; visit < 2; visit++) {
            readByFirst.add(visit(readWithin(first)));
            readBySecond.add(visit(readWithin(second)));
        }

        // then
        assertThat(readByFirst).containsExactly("https://one.example/a/", "https://one.example/b/");
        assertThat(readBySecond).containsExactly("https://two.example/a/", "https://two.example/b/");
        assertThat(readWithin(first)).as("the run is over").isNull();
        assertThat(readWithin(second)).isNull();
    }

    @Test
    void aPartitionWithNothingToDoWaitsForAnotherLanesPendingUrlAndEndsWhenItIsVisited() throws Exception {
        // given: partition 0's lane is empty, but partition 1 is still visiting a URL
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        add("https://one.example/");
        add("https://two.example/");
        FrontierReader first = reader(0);
        visit(first.read());
        FrontierEntry inFlight = frontier.next("blog", "r1", 1, 2, Instant.now()).orElseThrow();

        // when: partition 0 asks for its next URL
        Future<FrontierEntry> next = readOnceItWaits(first);

        // then: it is still waiting once it has gone to sleep between looks at the frontier
        assertThat(next).as("waits while two.example/ is pending").isNotDone();

        // and when: partition 1 commits its visit, which added nothing
        frontier.complete(inFlight.id(), EntryStatus.NOT_A_POST, "");

        // then: partition 0 ends
        assertThat(next.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aPartitionWaitingForAnotherLaneReadsTheLinksThatLaneAddsToIt() throws Exception {
        // given: partition 0 waits while partition 1 visits two.example/
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        add("https://one.example/");
        add("https://two.example/");
        FrontierReader first = reader(0);
        visit(first.read());
        FrontierEntry inFlight = frontier.next("blog", "r1", 1, 2, Instant.now()).orElseThrow();
        Future<FrontierEntry> next = threads.submit(first::read);

        // when: that visit commits a link to one.example, as the writer does, in one transaction
        frontier.add("blog", "r1", URI.create("https://one.example/linked/"), EntryKind.PAGE, 1, "https://two.example/");
        frontier.complete(inFlight.id(), EntryStatus.NOT_A_POST, "");

        // then
        assertThat(next.get(PATIENCE_SECONDS, TimeUnit.SECONDS).url()).hasToString("https://one.example/linked/");
    }

    @Test
    void returnsNullAtOnceWhenNothingInTheRunIsPending() {
        // given: an empty run, and a run whose every URL was visited
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        runs.open("blog", "r2", new CrawlRuns.Lanes(2, 1));
        frontier.add("blog", "r2", URI.create("https://one.example/"), EntryKind.PAGE, 0, "seed");
        frontier.add("blog", "r2", URI.create("https://two.example/"), EntryKind.PAGE, 0, "seed");
        jdbc.sql("update frontier set status = 'STORED' where run_id = 'r2'").update();

        // when / then: (the timeout only stops a hanging reader from hanging the build)
        assertThat(readWithin(reader(0))).isNull();
        assertThat(readWithin(new FrontierReader(frontier, runs, step, "blog", "r2", 0, 2))).isNull();
        assertThat(readWithin(new FrontierReader(frontier, runs, step, "blog", "r2", 1, 2))).isNull();
    }

    @Test
    void throwsCrawlAbortedWhenTheRunWasAbortedWhileAnotherLanesUrlIsPending() {
        // given: partition 1 failed with two.example/ still pending, and said so
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        visit(add("https://one.example/"));
        add("https://two.example/");
        runs.abort("blog", "r1", "crawlPartitionStep:partition1: disk full");

        // when / then
        assertTimeoutPreemptively(Duration.ofSeconds(PATIENCE_SECONDS), () ->
                assertThatThrownBy(() -> reader(0).read())
                        .isInstanceOf(FrontierReader.CrawlAborted.class)
                        .hasMessageContaining("crawlPartitionStep:partition1: disk full"));
    }

    @Test
    void aWaitingPartitionStopsWhenAnotherPartitionAbortsTheRun() throws Exception {
        // given: partition 0 waits for two.example/, which partition 1 is visiting
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        visit(add("https://one.example/"));
        add("https://two.example/");
        FrontierReader first = reader(0);
        Future<FrontierEntry> next = readOnceItWaits(first);

        // when: partition 1 fails, leaving its URL pending
        runs.abort("blog", "r1", "crawlPartitionStep:partition1: boom");

        // then
        assertThatThrownBy(() -> next.get(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FrontierReader.CrawlAborted.class).hasMessageContaining("boom");
    }

    @Test
    void anAbortFromAnEarlierAttemptNoLongerStopsTheRunOnceCleared() {
        // given: the last attempt was aborted, and the restarted crawl step cleared the news
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        add("https://one.example/");
        runs.abort("blog", "r1", "crawlPartitionStep:partition1: boom");
        runs.clearAbort("blog", "r1");

        // when / then
        FrontierEntry entry = assertTimeoutPreemptively(Duration.ofSeconds(PATIENCE_SECONDS), () -> reader(0).read());
        assertThat(entry.url()).hasToString("https://one.example/");
    }

    @Test
    void aRetryThatIsNotYetDueIsPassedOverForAUrlThatIs() throws Exception {
        // given: the first URL failed and may be tried again only in an hour
        runs.open("blog", "r1", new CrawlRuns.Lanes(1, 1));
        add("https://one.example/busy/");
        add("https://one.example/other/");
        FrontierReader reader = reader(0);
        FrontierEntry busy = reader.read();
        frontier.retryLater(busy.id(), Instant.now().plus(Duration.ofHours(1)), "HTTP 503");

        // when
        FrontierEntry next = reader.read();

        // then
        assertThat(next.url()).hasToString("https://one.example/other/");
    }

    @Test
    void aRetryThatIsNotYetDueKeepsThePartitionWaiting() throws Exception {
        // given: the run's only URL may be tried again only in an hour
        runs.open("blog", "r1", new CrawlRuns.Lanes(1, 1));
        add("https://one.example/busy/");
        FrontierReader reader = reader(0);
        frontier.retryLater(reader.read().id(), Instant.now().plus(Duration.ofHours(1)), "HTTP 503");

        // when
        Future<FrontierEntry> next = readOnceItWaits(reader);

        // then: it neither ends the partition nor hands the URL out early
        assertThat(next).isNotDone();
    }

    @Test
    void aRetryIsReturnedOnceItIsDue() throws Exception {
        // given: the run's only URL failed and may be tried again shortly
        runs.open("blog", "r1", new CrawlRuns.Lanes(1, 1));
        add("https://one.example/busy/");
        FrontierReader reader = reader(0);
        FrontierEntry busy = reader.read();
        frontier.retryLater(busy.id(), Instant.now().plusMillis(300), "HTTP 503");

        // when
        Future<FrontierEntry> next = threads.submit(reader::read);

        // then: the same URL, counted as failed once
        FrontierEntry retried = next.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(retried.id()).isEqualTo(busy.id());
        assertThat(retried.failures()).isEqualTo(1);
    }

    private FrontierReader reader(int partition) {
        return new FrontierReader(frontier, runs, step, "blog", "r1", partition, runs.lanes("blog", "r1").count());
    }

    /** The partition's step execution, whose job is running until a test stops it. */
    private final StepExecution step = new StepExecution("crawlPartitionStep:partition0",
            new JobExecution(1L, new JobInstance(1L, "postCrawlJob"), new JobParameters()));

    /** Queues a URL at depth 0; a server's lane follows from the order the run first sees servers in. */
    private FrontierEntry add(String url) {
        assertThat(frontier.add("blog", "r1", URI.create(url), EntryKind.PAGE, 0, "seed")).isTrue();
        return jdbc.sql("select id, url, kind, depth, attempts from frontier where run_id = 'r1' and url = :url")
                .param("url", url)
                .query((rs, row) -> new FrontierEntry(rs.getLong("id"), URI.create(rs.getString("url")),
                        EntryKind.valueOf(rs.getString("kind")), rs.getInt("depth"), rs.getInt("attempts")))
                .single();
    }

    /** What the partition's writer does with a URL it read: marks it visited. */
    private String visit(FrontierEntry entry) {
        assertThat(entry).as("a URL to visit").isNotNull();
        frontier.complete(entry.id(), EntryStatus.STORED, "");
        return entry.url().toString();
    }

    private static FrontierEntry readWithin(FrontierReader reader) {
        return assertTimeoutPreemptively(Duration.ofSeconds(PATIENCE_SECONDS), reader::read);
    }

    /**
     * Waits until the reader's thread sleeps between looks at the frontier (the reader's only timed
     * wait), so that "still waiting" is asserted about a reader that did look, not one not yet started.
     */
    private static void awaitSleeping(Thread thread, Future<?> read) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(read).as("the reader returned instead of waiting").isNotDone();
            assertThat(System.nanoTime() - deadline).as("the reader never went to sleep").isNegative();
            Thread.sleep(5);
        }
        assertThat(read).as("the reader returned instead of waiting").isNotDone();
    }

    @Test
    void aWaitingPartitionEndsStoppedWhenTheJobIsAskedToStop() throws Exception {
        // given: partition 0 waits for two.example/, which partition 1 is visiting
        runs.open("blog", "r1", new CrawlRuns.Lanes(2, 1));
        visit(add("https://one.example/"));
        add("https://two.example/");
        step.getJobExecution().setStatus(BatchStatus.STARTED);
        Future<FrontierEntry> next = readOnceItWaits(reader(0));

        // when: SIGTERM asks the job to stop (JobOperator.stop sets STOPPING on the running job)
        step.getJobExecution().setStatus(BatchStatus.STOPPING);

        // then: the partition ends, marked to be STOPPED rather than completed
        assertThat(next.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isNull();
        assertThat(step.isTerminateOnly()).isTrue();
    }

    /** Starts a read on another thread and returns once that thread is asleep between looks at the frontier. */
    private Future<FrontierEntry> readOnceItWaits(FrontierReader reader) throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        Thread[] readerThread = new Thread[1];
        Future<FrontierEntry> next = threads.submit(() -> {
            readerThread[0] = Thread.currentThread();
            reading.countDown();
            return reader.read();
        });
        assertThat(reading.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        awaitSleeping(readerThread[0], next);
        return next;
    }
}
