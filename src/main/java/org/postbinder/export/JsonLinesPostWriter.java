package org.postbinder.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code posts.jsonl}: one {@link PostRecord} a line, compact, in the same order as
 * {@code posts.json}, for tools that read a post at a time. An export with no posts is an empty
 * file. The file is rewritten from the start when the step restarts. One instance per step execution.
 */
public class JsonLinesPostWriter implements ArchiveFileWriter {

    private final Path file;
    private final ObjectWriter writer;
    private @Nullable OutputStream out;

    public JsonLinesPostWriter(Path file, JsonMapper mapper) {
        this.file = file;
        this.writer = mapper.writer().with(new ScriptSafeEscapes());
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            Files.createDirectories(file.getParent());
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    @Override
    public void write(Chunk<? extends Post> posts) throws IOException {
        for (Post post : posts) {
            out.write(writer.writeValueAsBytes(PostRecord.of(post)));
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        close();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            } finally {
                out = null;
            }
        }
    }
}
