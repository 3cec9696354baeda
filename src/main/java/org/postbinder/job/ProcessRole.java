package org.postbinder.job;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether this process runs jobs (the default) or crawls partitions of other processes' jobs as a
 * remote worker ({@code postbinder worker}), which is decided once the command line is read. Steps
 * that write files next to other processes ask it: a worker names its WARC files after itself.
 * Thread-safe.
 */
@Component
public class ProcessRole {

    private volatile @Nullable String workerName;

    /** From now on this process is the worker of this name (letters, digits, '-' and '_'). */
    public void becomeWorker(String name) {
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a worker's name must be letters, digits, '-' or '_' (at most 64): " + name);
        }
        workerName = name;
    }

    /** The worker's name, when this process is a remote worker. */
    public Optional<String> workerName() {
        return Optional.ofNullable(workerName);
    }
}
