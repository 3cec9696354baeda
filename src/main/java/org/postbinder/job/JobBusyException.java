package org.postbinder.job;

/** A job was asked to run while a run of it is going on (in this process or another). */
public class JobBusyException extends RuntimeException {

    public JobBusyException(String message) {
        super(message);
    }
}
