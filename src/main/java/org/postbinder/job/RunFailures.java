package org.postbinder.job;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;

/** Why a run failed, as a user should hear it. */
public final class RunFailures {

    private RunFailures() {
    }

    /**
     * The failure that ended the run: the one that caused it, rather than the crawl partitions that
     * stopped because of it or the job's "a partition failed", which Spring Batch may list first.
     */
    public static Optional<Throwable> cause(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        return failures.stream()
                .filter(failure -> !(failure instanceof JobExecutionException) && !stoppedForAnother(failure))
                .findFirst()
                .or(() -> failures.stream().findFirst());
    }

    /** The deepest cause: "No space left on device" rather than "JDBC commit failed". */
    static Throwable deepest(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean stoppedForAnother(Throwable failure) {
        return deepest(failure) instanceof FrontierReader.CrawlAborted;
    }
}
