package org.postbinder.crawl;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through while keeping a copy of what was read, up to a limit, and the time of the last read. */
final class CapturingInputStream extends FilterInputStream {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final long limit;
    private boolean overflowed;
    private volatile long lastReadNanos = System.nanoTime();

    CapturingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            keep(buffer, offset, n);
        }
        return n;
    }

    /** When bytes last arrived: a body that stops arriving is cut by the read-idle timeout. */
    long lastReadNanos() {
        return lastReadNanos;
    }

    private void keep(byte[] buffer, int offset, int length) {
        lastReadNanos = System.nanoTime();
        int room = (int) Math.max(0, Math.min(length, limit - copy.size()));
        copy.write(buffer, offset, room);
        overflowed |= room < length;
    }

    byte[] copy() {
        return copy.toByteArray();
    }

    boolean overflowed() {
        return overflowed;
    }
}
