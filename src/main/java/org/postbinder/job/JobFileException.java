package org.postbinder.job;

/**
 * A job file that cannot be used. The message names the file, the line and the key, so that it
 * can be shown to the user as it is.
 */
public class JobFileException extends RuntimeException {

    public JobFileException(String message) {
        super(message);
    }

    public JobFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
