package org.postbinder.extract;

import java.util.concurrent.CancellationException;

/**
 * Lets the reading of a page be given up: a crawl reads each page within a time budget, and when
 * the budget is spent it interrupts the reading thread. The long loops of extraction call
 * {@link #ifInterrupted()}, so that an abandoned page stops costing CPU.
 */
public final class Abandon {

    private Abandon() {
    }

    public static void ifInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("reading the page was abandoned");
        }
    }
}
