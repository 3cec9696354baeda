package org.postbinder.job;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.postbinder.crawl.WarcReplay;

/**
 * What every step of one job execution works from: the job file, read once when the execution
 * starts (a restart is a new execution, so it sees the file as it is then), the run id, and for a
 * job rebuilt from WARC files, the index of those files, built once. Job-scoped; thread-safe.
 */
public class RunContext {

    private final JobDefinition job;
    private final String run;
    private @Nullable WarcReplay replay;

    RunContext(JobDefinition job, String run) {
        this.job = job;
        this.run = run;
    }

    public JobDefinition job() {
        return job;
    }

    public String run() {
        return run;
    }

    /** The captured pages to read instead of the network, when the job's sources are WARC files. */
    public synchronized Optional<WarcReplay> replay() {
        if (replay == null && job.sources().fromWarcs()) {
            replay = WarcReplay.of(job.sources().warcs());
        }
        return Optional.ofNullable(replay);
    }
}
