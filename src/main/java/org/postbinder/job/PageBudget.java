package org.postbinder.job;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.postbinder.crawl.FrontierEntry;

/**
 * Reads a page within a time budget ({@code postbinder.crawl.read-budget}). The reading runs on a
 * thread of its own; when the budget is spent that thread is interrupted (the extractor's long
 * loops give up when it is) and the page is skipped as too slow, so that one pathological page
 * costs its budget and not the crawl.
 */
final class PageBudget {

    private static final AtomicInteger READERS = new AtomicInteger();

    private final Duration budget;
    /** Threads start at once and end when idle: the budget counts reading, never waiting for a thread. */
    private final ExecutorService readers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "page-reader-" + READERS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    PageBudget(Duration budget) {
        this.budget = budget;
    }

    /**
     * The result of reading the page, or a skip when reading takes longer than the budget. An
     * interruption of the calling thread is not the page's fault: it fails the chunk, and the URL
     * is read again when the run restarts.
     */
    CrawlResult read(FrontierEntry entry, Supplier<CrawlResult> reading) {
        Future<CrawlResult> result = readers.submit(reading::get);
        try {
            return result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            result.cancel(true);
            return CrawlResult.skipped(entry, "too slow: reading the page took more than " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + entry.url(), e);
        } catch (ExecutionException e) {
            // reading catches what a page can cause; what is left (out of memory) is the process's problem
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
