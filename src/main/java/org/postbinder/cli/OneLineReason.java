package org.postbinder.cli;

/** The one-line reason shown when a command fails: the deepest cause's message, without a stack trace. */
public final class OneLineReason {

    private OneLineReason() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        boolean databaseInUse = inUse(cause);
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            databaseInUse |= inUse(cause);
        }
        if (databaseInUse) {
            return "the embedded database under output/.postbinder is in use by another Postbinder process "
                    + "(embedded H2 serves one process at a time: wait for it to end, or use PostgreSQL)";
        }
        String message = failure instanceof org.postbinder.job.JobFileException ? failure.getMessage() : cause.getMessage();
        String text = message == null ? cause.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text);
    }

    /** H2's words for a database file another process has open. */
    private static boolean inUse(Throwable failure) {
        String message = failure.getMessage();
        return message != null && (message.contains("Database may be already in use") || message.contains("The file is locked"));
    }
}
