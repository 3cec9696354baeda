package org.postbinder.export;

import java.nio.file.Path;

/**
 * Where one run's archive lives: {@code <output>/<job>/<run>/}, and the hidden staging folder
 * beside it where the files are written until they are all complete.
 */
public record ArchiveLocation(Path outputDir, String job, String run) {

    public static final String CSV = "posts.csv";
    public static final String JSON = "posts.json";
    public static final String JSON_LINES = "posts.jsonl";
    /**
     * The JSON Schema of one record, published with every archive that has JSON in it. Version 2
     * added {@code aliases}: version 1 allows no other fields than its own, so a reader validating
     * against it would reject the new records.
     */
    public static final String RECORD_SCHEMA = "post-record-3.schema.json";
    public static final String MANIFEST = "manifest.json";
    /** The folder of per-post PDFs, when the job asks for them. */
    public static final String POSTS_FOLDER = "posts";

    public Path published() {
        return outputDir.resolve(job).resolve(run);
    }

    /** On the same file system as {@link #published()}, so that publishing is one atomic rename. */
    public Path staging() {
        return outputDir.resolve(job).resolve("." + run + ".partial");
    }

    public String pdfName() {
        return job + "-" + run + ".pdf";
    }
}
