package org.postbinder.schedule;

import java.nio.file.Path;
import java.util.Optional;

import org.postbinder.job.JobDefinition;

/**
 * One job file as {@code serve} knows it: the last version that loaded, and the error of the
 * version on disk when that one does not load (a bad edit leaves the last good version in force).
 */
public record CatalogEntry(Path file, Optional<JobDefinition> job, Optional<String> error) {

    public String name() {
        return job.map(JobDefinition::name).orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    }
}
