package org.postbinder.cli;

/** The one-line reason shown when a command fails: the deepest cause's message, without a stack trace. */
public final class OneLineReason {

    private OneLineReason() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause.getMessage() != null && cause.getMessage().contains("Database may be already in use")) {
            return "the embedded database under output/.postbinder is in use by another Postbinder process";
        }
        String message = failure instanceof org.postbinder.job.JobFileException ? failure.getMessage() : cause.getMessage();
        String text = message == null ? cause.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text);
    }
}
