package org.postbinder.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a stream up to a limit, stopping as soon as the limit is passed rather than after. */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The bytes, or empty when the stream holds more than {@code maxBytes}. */
    static Optional<byte[]> read(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }

    /** The first {@code maxBytes} bytes of the stream (all of it when shorter); the rest is not read. */
    static byte[] readPrefix(InputStream in, int maxBytes) throws IOException {
        return in.readNBytes(maxBytes);
    }
}
