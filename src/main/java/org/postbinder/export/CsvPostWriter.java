package org.postbinder.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Writes {@code posts.csv}: RFC 4180, UTF-8, a header row, one post a row, in the columns the job
 * chose. Lists (tags, captions, aliases) are joined with {@value #LIST_SEPARATOR}; the body keeps its blank
 * lines inside the quoted cell. Unless the job turns it off, a cell that a spreadsheet would run as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, the
 * OWASP defence against CSV injection. An export with no posts is a file with the header row only.
 * The file is rewritten from the start when the step restarts. One instance per step execution.
 */
public class CsvPostWriter implements ArchiveFileWriter {

    public static final String LIST_SEPARATOR = " | ";
    public static final List<String> COLUMNS = List.of("url", "canonicalUrl", "title", "author", "publishedAt",
            "modifiedAt", "siteName", "language", "description", "leadImage", "tags", "captions", "body", "wordCount",
            "fetchedAt", "contentSha256", "aliases", "figures", "dateline");

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Path file;
    private final CsvOptions options;
    private final List<String> columns;
    private @Nullable CSVPrinter printer;

    public CsvPostWriter(Path file, CsvOptions options) {
        this.file = file;
        this.options = options;
        this.columns = options.columns().isEmpty() ? COLUMNS : options.columns();
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            Files.createDirectories(file.getParent());
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get();
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            if (options.byteOrderMark()) {
                out.write('\uFEFF');
            }
            printer = new CSVPrinter(out, format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    @Override
    public void write(Chunk<? extends Post> posts) throws IOException {
        for (Post post : posts) {
            Map<String, Object> cells = cells(PostRecord.of(post));
            printer.printRecord(columns.stream().map(column -> safe(cells.get(column))).toList());
        }
        printer.flush();
    }

    private static Map<String, Object> cells(PostRecord record) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("url", record.url());
        cells.put("canonicalUrl", record.canonicalUrl());
        cells.put("title", record.title());
        cells.put("author", record.author());
        cells.put("publishedAt", record.publishedAt());
        cells.put("modifiedAt", record.modifiedAt());
        cells.put("siteName", record.siteName());
        cells.put("language", record.language());
        cells.put("description", record.description());
        cells.put("leadImage", record.leadImage());
        cells.put("tags", String.join(LIST_SEPARATOR, record.tags()));
        cells.put("captions", String.join(LIST_SEPARATOR, record.captions()));
        cells.put("body", record.body());
        cells.put("wordCount", record.wordCount());
        cells.put("fetchedAt", record.fetchedAt());
        cells.put("contentSha256", record.contentSha256());
        cells.put("aliases", String.join(LIST_SEPARATOR, record.aliases()));
        cells.put("figures", String.join(LIST_SEPARATOR, record.figures().stream().map(Post.Figure::image).toList()));
        cells.put("dateline", record.dateline());
        return cells;
    }

    private @Nullable Object safe(@Nullable Object cell) {
        if (options.neutralizeFormulas() && cell instanceof String text && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
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
