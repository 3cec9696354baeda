package org.postbinder.export;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where archives go and how they are written ({@code postbinder.output.*}).
 *
 * @param dir       archives are written to {@code <dir>/<job>/<run>/}
 * @param chunkSize posts per export chunk: one transaction and one flush of every file
 */
@Validated
@ConfigurationProperties("postbinder.output")
public record OutputProperties(@NotNull Path dir, @Min(1) int chunkSize) {

    public ArchiveLocation location(String job, String run) {
        return new ArchiveLocation(dir, job, run);
    }
}
