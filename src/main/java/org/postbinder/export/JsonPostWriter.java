package org.postbinder.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code posts.json}: one JSON array of {@link PostRecord}s, streamed post by post (the
 * array is never held in memory). An export with no posts is {@code []}. The file is rewritten from
 * the start when the step restarts. One instance per step execution.
 */
public class JsonPostWriter implements ArchiveFileWriter {

    private final Path file;
    private final JsonMapper mapper;
    private @Nullable JsonGenerator generator;

    public JsonPostWriter(Path file, JsonMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        generator = mapper.writerWithDefaultPrettyPrinter()
                .with(new ScriptSafeEscapes())
                .without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .createGenerator(file.toFile(), JsonEncoding.UTF8);
        generator.writeStartArray();
    }

    @Override
    public void write(Chunk<? extends Post> posts) {
        for (Post post : posts) {
            generator.writePOJO(PostRecord.of(post));
        }
        generator.flush();
    }

    @Override
    public void finish() {
        generator.writeEndArray();
        generator.close();
        generator = null;
    }

    /** Releases the file; an unfinished array stays unfinished (and unpublished). */
    @Override
    public void close() {
        if (generator != null) {
            generator.close();
            generator = null;
        }
    }
}
