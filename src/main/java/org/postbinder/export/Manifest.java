package org.postbinder.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code manifest.json}: what a run's archive holds and how it came to be. The files it lists are
 * the other files of the folder, with their sizes and SHA-256; {@code recordSchema} names the JSON
 * Schema of the records, published in the folder with them (null without JSON).
 */
public record Manifest(
        int manifestVersion,
        String job,
        String title,
        String run,
        String jobFile,
        Map<String, String> parameters,
        String mode,
        Window window,
        @Nullable String recordSchema,
        String startedAt,
        String finishedAt,
        Map<String, Integer> counts,
        List<Skipped> skipped,
        List<FileEntry> files) {

    public Manifest {
        // copied in their order: the manifest of the same run must read the same every time
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        skipped = List.copyOf(skipped);
        files = List.copyOf(files);
    }

    /** The posts stored or changed after {@code from} (the beginning when null) and up to {@code to}. */
    public record Window(@Nullable String from, String to) {}

    public record Skipped(String url, String reason) {}

    public record FileEntry(String name, long bytes, String sha256) {}
}
