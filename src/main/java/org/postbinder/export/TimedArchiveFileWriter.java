package org.postbinder.export;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;

import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * An archive file's writer whose time is measured: what it spends opening, writing and finishing
 * its file (not the reading of posts, which the formats share) is recorded once the file is finished.
 */
public final class TimedArchiveFileWriter implements ArchiveFileWriter {

    private final ArchiveFileWriter writer;
    private final Timer timer;
    private long nanos;

    public TimedArchiveFileWriter(ArchiveFileWriter writer, Timer timer) {
        this.writer = writer;
        this.timer = timer;
    }

    @Override
    public void open(ExecutionContext context) {
        long start = System.nanoTime();
        writer.open(context);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void write(Chunk<? extends Post> posts) throws Exception {
        long start = System.nanoTime();
        writer.write(posts);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void finish() throws IOException {
        long start = System.nanoTime();
        writer.finish();
        timer.record(nanos + System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    @Override
    public void update(ExecutionContext context) {
        writer.update(context);
    }

    @Override
    public void close() {
        writer.close();
    }
}
