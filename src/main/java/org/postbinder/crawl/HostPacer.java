package org.postbinder.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Limits and spaces the requests to one server ({@link HostKey}): at most the job's number of
 * connections at once, and each request waits until the server's last request started or ended at
 * least the delay ago (counting from the end, so that a slow response does not eat into the pause
 * the server asked for). The delay is the job's, raised by robots.txt's {@code Crawl-delay}. File
 * URLs are not paced. Thread-safe: the crawl's lanes share one pacer, so the limits hold across
 * lanes even when a redirect leads one lane to another lane's server.
 */
@Component
public class HostPacer {

    /** A host asking for a longer pause than this has its URLs skipped for the run instead (see RetrySchedule). */
    static final Duration MAX_HOLD_OFF = Duration.ofMinutes(5);

    private final Map<String, Turns> hosts = new ConcurrentHashMap<>();
    /** The server whose connection this thread holds: one at a time, so that lanes cannot deadlock. */
    private final ThreadLocal<String> held = new ThreadLocal<>();

    /**
     * The host asked to be left alone for a while (429 or 503 with Retry-After): no request to it
     * before then, whatever URL it is for.
     */
    public void holdOff(URI url, Duration wait) {
        HostKey.of(url).ifPresent(host -> turns(host).holdOff(Math.min(wait.toNanos(), MAX_HOLD_OFF.toNanos())));
    }

    /** A request to one server at a time, spaced by {@code delay}. */
    public void awaitTurn(URI url, Duration delay) {
        awaitTurn(url, delay, 1);
    }

    /**
     * Blocks until a request to this URL's server may be made, and counts it as started. A thread
     * still holding another server's connection (the previous hop of a redirect) gives it up first.
     */
    public void awaitTurn(URI url, Duration delay, int connections) {
        Optional<String> host = HostKey.of(url);
        if (host.isEmpty()) {
            return;
        }
        release();
        Turns turns = turns(host.get());
        turns.acquire(connections);
        held.set(host.get());
        turns.waitForGap(delay.toNanos());
    }

    /** Marks the end of this thread's request: its connection is free, and the next request waits from now. */
    public void finished(URI url) {
        release();
    }

    private void release() {
        String host = held.get();
        if (host != null) {
            held.remove();
            turns(host).release();
        }
    }

    private Turns turns(String host) {
        return hosts.computeIfAbsent(host, any -> new Turns());
    }

    /** One server's connections and the time of its last request. */
    private static final class Turns {

        private static final long NEVER = Long.MIN_VALUE;

        private final Semaphore connections = new Semaphore(1);
        private int size = 1;
        /** Requests waiting for their gap take turns on this lock; finishing ones do not need it. */
        private final Object pacing = new Object();
        private final AtomicLong lastActivityNanos = new AtomicLong(NEVER);
        private final AtomicLong holdOffUntilNanos = new AtomicLong(NEVER);

        void acquire(int wanted) {
            synchronized (this) {
                // jobs may allow different numbers of connections; the largest asked for stands
                if (wanted > size) {
                    connections.release(wanted - size);
                    size = wanted;
                }
            }
            try {
                connections.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a connection", e);
            }
        }

        void waitForGap(long delayNanos) {
            synchronized (pacing) {
                long last = lastActivityNanos.get();
                long now = System.nanoTime();
                long due = Math.max(last == NEVER ? now : last + delayNanos, holdOffUntilNanos.get());
                if (due - now > 0) {
                    sleep(due - now);
                }
                touch();
            }
        }

        void release() {
            touch();
            connections.release();
        }

        void holdOff(long nanos) {
            holdOffUntilNanos.accumulateAndGet(System.nanoTime() + nanos, Math::max);
        }

        private void touch() {
            lastActivityNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }

        private static void sleep(long nanos) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
