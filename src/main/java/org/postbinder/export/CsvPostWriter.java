package org.postbinder.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Writes {@code posts.csv}: RFC 4180, UTF-8, a header row, one post a row. Lists (tags, captions)
 * are joined with {@value #LIST_SEPARATOR}; the body keeps its blank lines inside the quoted cell.
 * An export with no posts is a file with the header row only. The file is rewritten from the start
 * when the step restarts. One instance per step execution.
 */
public class CsvPostWriter implements ArchiveFileWriter {

    public static final String LIST_SEPARATOR = " | ";
    public static final List<String> COLUMNS = List.of("url", "canonicalUrl", "title", "author", "publishedAt",
            "modifiedAt", "siteName", "language", "description", "leadImage", "tags", "captions", "body", "wordCount",
            "fetchedAt", "contentSha256");

    private final Path file;
    private @Nullable CSVPrinter printer;

    public CsvPostWriter(Path file) {
        this.file = file;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            Files.createDirectories(file.getParent());
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
            printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    @Override
    public void write(Chunk<? extends Post> posts) throws IOException {
        for (Post post : posts) {
            PostRecord record = PostRecord.of(post);
            printer.printRecord(record.url(), record.canonicalUrl(), record.title(), record.author(),
                    record.publishedAt(), record.modifiedAt(), record.siteName(), record.language(),
                    record.description(), record.leadImage(), String.join(LIST_SEPARATOR, record.tags()),
                    String.join(LIST_SEPARATOR, record.captions()), record.body(), record.wordCount(),
                    record.fetchedAt(), record.contentSha256());
        }
        printer.flush();
    }

    @Override
    public void finish() throws IOException {
        printer.close(true);
        printer = null;
    }

    @Override
    public void close() {
        if (printer != null) {
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            } finally {
                printer = null;
            }
        }
    }
}
