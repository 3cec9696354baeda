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

    private final Map<String, Long> lastRequestNanos = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Marks the end of a request to this URL's host: the next one waits from now. */
    public void finished(URI url) {
        if (url.getHost() != null) {
            lastRequestNanos.put(url.getHost(), System.nanoTime());
        }
    }

    /** Blocks until a request to this URL's host may be made, and counts it as started. */
    public void awaitTurn(URI url, Duration delay) {
        String host = url.getHost();
        if (host == null || delay.isZero()) {
            if (host != null) {
                lastRequestNanos.put(host, System.nanoTime());
            }
            return;
        }
        synchronized (lock(host)) {
            Long last = lastRequestNanos.get(host);
            if (last != null) {
                long wait = last + delay.toNanos() - System.nanoTime();
                if (wait > 0) {
                    sleep(wait);
                }
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
