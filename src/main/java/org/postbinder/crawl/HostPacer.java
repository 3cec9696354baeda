package org.postbinder.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Spaces requests to one host: a request waits until the host's last request ended at least the
 * host's delay ago (counting from the end, so that a slow response does not eat into the pause the
 * host asked for). The delay is the job's, raised by robots.txt's {@code Crawl-delay}. File URLs are
 * not paced. Thread-safe; concurrent requests to one host take turns.
 */
@Component
public class HostPacer {

    /** A host asking for a longer pause than this has its URLs skipped for the run instead (see RetrySchedule). */
    static final Duration MAX_HOLD_OFF = Duration.ofMinutes(5);

    private final Map<String, Long> lastRequestNanos = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> holdOffUntilNanos = new ConcurrentHashMap<>();

    /**
     * The host asked to be left alone for a while (429 or 503 with Retry-After): no request to it
     * before then, whatever URL it is for.
     */
    public void holdOff(URI url, Duration wait) {
        if (url.getHost() != null) {
            long capped = Math.min(wait.toNanos(), MAX_HOLD_OFF.toNanos());
            holdOffUntilNanos.merge(url.getHost(), System.nanoTime() + capped, Math::max);
        }
    }

    /** Marks the end of a request to this URL's host: the next one waits from now. */
    public void finished(URI url) {
        if (url.getHost() != null) {
            lastRequestNanos.put(url.getHost(), System.nanoTime());
        }
    }

    /** Blocks until a request to this URL's host may be made, and counts it as started. */
    public void awaitTurn(URI url, Duration delay) {
        String host = url.getHost();
        if (host == null) {
            return;
        }
        synchronized (lock(host)) {
            Long last = lastRequestNanos.get(host);
            long due = last == null ? System.nanoTime() : last + delay.toNanos();
            due = Math.max(due, holdOffUntilNanos.getOrDefault(host, 0L));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
            }
            lastRequestNanos.put(host, System.nanoTime());
        }
    }

    private Object lock(String host) {
        return locks.computeIfAbsent(host, any -> new Object());
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
