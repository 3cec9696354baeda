package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connections a pacer hands out to the crawl's threads. Each caller is one thread of its own
 * (the pacer remembers per thread which server's connection it holds). The delay is zero throughout,
 * so nothing here waits for time: a caller that waits, waits for another to give a connection up,
 * which is shown with latches and thread states, never with how long anything took.
 */
class HostPacerTest {

    private static final long PATIENCE_SECONDS = 20;
    private static final URI SERVER_A = URI.create("https://a.example/post-1/");
    private static final URI SERVER_A_AGAIN = URI.create("https://a.example/post-2/");
    private static final URI SERVER_B = URI.create("https://b.example/");

    private final HostPacer pacer = new HostPacer();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Caller> callers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopCallers() {
        callers.forEach(Caller::stop);
    }

    @Test
    void withOneConnectionASecondThreadWaitsUntilTheFirstHasFinished() throws Exception {
        // given: the first thread is fetching from a.example
        Caller first = caller("first");
        first.awaitTurn(SERVER_A, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // when: a second thread asks for a.example
        Caller second = caller("second");
        Turn secondTurn = second.awaitTurn(SERVER_A_AGAIN, 1);

        // then: it waits for the connection
        secondTurn.awaitBlocked();

        // and when: the first thread finishes its request
        first.finished(SERVER_A).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // then: the second gets its turn, after the first gave it up
        secondTurn.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(events).containsExactly("first in a.example", "first done", "second in a.example");
    }

    @Test
    void withTwoConnectionsTwoThreadsGetInAtOnceAndAThirdWaits() throws Exception {
        // given: two threads fetch from a.example at once, neither finished
        Caller first = caller("first");
        Caller second = caller("second");
        first.awaitTurn(SERVER_A, 2).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        second.awaitTurn(SERVER_A_AGAIN, 2).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // when
        Caller third = caller("third");
        Turn thirdTurn = third.awaitTurn(SERVER_A, 2);

        // then
        thirdTurn.awaitBlocked();

        // and when: one of the two finishes
        second.finished(SERVER_A_AGAIN).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // then
        thirdTurn.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(events).containsExactly("first in a.example", "second in a.example", "second done",
                "third in a.example");
    }

    @Test
    void aThreadFollowingARedirectToAnotherServerGivesUpTheConnectionItHeld() throws Exception {
        // given: the first thread holds a.example's only connection; a second thread waits for it
        Caller first = caller("first");
        first.awaitTurn(SERVER_A, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        Caller second = caller("second");
        Turn secondTurn = second.awaitTurn(SERVER_A_AGAIN, 1);
        secondTurn.awaitBlocked();

        // when: a.example redirects the first thread to b.example (no finished() for a.example)
        first.awaitTurn(SERVER_B, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // then: the second thread takes a.example while the first is still at b.example (the two
        // log their turns in whichever order the scheduler lets them, so only the set is certain)
        secondTurn.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(events).containsExactlyInAnyOrder("first in a.example", "first in b.example", "second in a.example");
        assertThat(events.get(0)).isEqualTo("first in a.example");
    }

    @Test
    void aRedirectWithinOneServerDoesNotWaitForItself() throws Exception {
        // given: the first thread holds a.example's only connection
        Caller first = caller("first");
        first.awaitTurn(SERVER_A, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // when: a.example redirects it to another page of a.example
        Turn hop = first.awaitTurn(SERVER_A_AGAIN, 1);

        // then
        hop.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        // and it still holds just the one connection: a second thread waits for it
        Caller second = caller("second");
        second.awaitTurn(SERVER_A, 1).awaitBlocked();
    }

    @Test
    void aThreadThatFinishesWithoutAConnectionFreesNoneForOthers() throws Exception {
        // given: a thread that never got a turn says it finished, twice
        Caller idle = caller("idle");
        idle.finished(SERVER_A).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        idle.finished(SERVER_A).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // when: two threads ask for a.example's one connection
        Caller first = caller("first");
        first.awaitTurn(SERVER_A, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        Caller second = caller("second");

        // then: still only one gets in
        second.awaitTurn(SERVER_A, 1).awaitBlocked();
    }

    @Test
    void manyRequestsAndRedirectsLeaveEachServerExactlyItsConnections() throws Exception {
        // given: one thread fetching a.example over and over, some requests ending in redirects elsewhere
        Caller first = caller("first");
        for (int request = 0; request < 50; request++) {
            first.awaitTurn(SERVER_A, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (request % 3 == 0) {
                first.awaitTurn(SERVER_B, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
            first.finished(SERVER_A).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }

        // when / then: a.example's one connection is free, and only one
        Caller second = caller("second");
        second.awaitTurn(SERVER_A, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        Caller third = caller("third");
        third.awaitTurn(SERVER_A, 1).awaitBlocked();
        // and b.example's as well
        Caller fourth = caller("fourth");
        fourth.awaitTurn(SERVER_B, 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void twoPortsOfOneHostAreTwoServers() throws Exception {
        // given: a.example:8080's one connection is taken
        Caller first = caller("first");
        first.awaitTurn(URI.create("http://a.example:8080/"), 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // when / then: a.example:8081 and https://a.example (port 443) are free
        caller("second").awaitTurn(URI.create("http://a.example:8081/"), 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        caller("third").awaitTurn(URI.create("https://a.example/"), 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aDefaultPortAndItsNumberAreOneServer() throws Exception {
        // given
        Caller first = caller("first");
        first.awaitTurn(URI.create("http://A.example/"), 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // when / then: the same server, whatever the case of its name
        Caller second = caller("second");
        second.awaitTurn(URI.create("http://a.example:80/other/"), 1).awaitBlocked();
    }

    @Test
    void fileUrlsNeverWait() throws Exception {
        // given: a thread reading a file, not finished
        caller("first").awaitTurn(URI.create("file:///tmp/blog/index.html"), 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        // when / then: other threads read files too, of the same folder or the very same file
        caller("second").awaitTurn(URI.create("file:///tmp/blog/index.html"), 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        caller("third").awaitTurn(URI.create("file:///tmp/blog/post.html"), 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private Caller caller(String name) {
        Caller caller = new Caller(name);
        callers.add(caller);
        return caller;
    }

    /** One crawl thread: every call it is given runs on the same thread, one after the other. */
    private final class Caller {

        private final String name;
        private final ExecutorService thread;

        Caller(String name) {
            this.name = name;
            this.thread = Executors.newSingleThreadExecutor(task -> {
                Thread created = new Thread(task, "pacer-test-" + name);
                created.setDaemon(true);
                return created;
            });
        }

        /** Asks for a turn; the turn is done once it is granted. */
        Turn awaitTurn(URI url, int connections) {
            CountDownLatch started = new CountDownLatch(1);
            Thread[] runner = new Thread[1];
            Future<?> granted = thread.submit(() -> {
                runner[0] = Thread.currentThread();
                started.countDown();
                pacer.awaitTurn(url, Duration.ZERO, connections);
                events.add(name + " in " + (url.getHost() == null ? url : url.getHost().toLowerCase(Locale.ROOT)));
            });
            return new Turn(name, granted, started, runner);
        }

        Future<?> finished(URI url) {
            return thread.submit(() -> {
                events.add(name + " done");
                pacer.finished(url);
            });
        }

        void stop() {
            thread.shutdownNow();
        }
    }

    /** A caller's request for a turn. */
    private record Turn(String name, Future<?> granted, CountDownLatch started, Thread[] runner) {

        void get(long timeout, TimeUnit unit) throws Exception {
            granted.get(timeout, unit);
        }

        /**
         * Waits until the caller's thread, inside this call to awaitTurn, is parked waiting for a
         * connection, and checks that it has not got its turn.
         */
        void awaitBlocked() throws InterruptedException {
            assertThat(started.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as(name + " started asking").isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (runner[0].getState() != Thread.State.WAITING) {
                assertThat(granted).as(name + " got its turn instead of waiting").isNotDone();
                assertThat(System.nanoTime() - deadline).as(name + " never started waiting").isNegative();
                Thread.sleep(5);
            }
            assertThat(granted).as(name + " got its turn instead of waiting").isNotDone();
        }
    }
}
