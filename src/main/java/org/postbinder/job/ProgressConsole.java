package org.postbinder.job;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's progress goes. On a terminal, one status line stays at the bottom and is rewritten
 * in place, with the lines about each URL scrolling above it; anywhere else (a pipe, a log file, a
 * service), every line is an ordinary log line, and the status is logged less often.
 */
class ProgressConsole {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");
    /** Back to the start of the line, and clear it. */
    private static final String CLEAR_LINE = "\r\033[K";

    private final boolean terminal;
    private final PrintStream out;
    private String status = "";

    ProgressConsole(boolean terminal, PrintStream out) {
        this.terminal = terminal;
        this.out = out;
    }

    /** The console of this process: a terminal when both input and output are one. */
    static ProgressConsole system() {
        return new ProgressConsole(System.console() != null, System.out);
    }

    boolean isTerminal() {
        return terminal;
    }

    /** A line that stays: what happened to one URL. */
    synchronized void line(String text) {
        if (!terminal) {
            log.info(text);
            return;
        }
        out.print(CLEAR_LINE + text + System.lineSeparator() + status);
        out.flush();
    }

    /** The status line: rewritten in place on a terminal, logged elsewhere. */
    synchronized void status(String text) {
        if (!terminal) {
            log.info(text);
            return;
        }
        status = text;
        out.print(CLEAR_LINE + status);
        out.flush();
    }

    /** Removes the status line, so that what follows starts on a clean line. */
    synchronized void endStatus() {
        if (terminal && !status.isEmpty()) {
            out.print(CLEAR_LINE);
            out.flush();
        }
        status = "";
    }
}
