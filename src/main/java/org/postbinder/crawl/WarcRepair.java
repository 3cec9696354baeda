package org.postbinder.crawl;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Cuts a gzipped WARC file back to its last complete record. Each record is a gzip member of its
 * own, so a file that a kill or a crash cut short ends in one member that is incomplete (or
 * garbled); everything before it is whole. A member counts as complete when it inflates to its end
 * and its trailer's CRC and length match.
 */
final class WarcRepair {

    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int FHCRC = 2;

    private WarcRepair() {
    }

    /** Truncates the file after its last complete record; returns how many bytes were cut (0 if none). */
    static long repair(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long complete = completeLength(channel);
            if (complete < size) {
                channel.truncate(complete);
                channel.force(true);
            }
            return size - complete;
        }
    }

    /** The length of the file's prefix made of complete gzip members. */
    static long completeLength(FileChannel channel) throws IOException {
        CountingInput in = new CountingInput(Channels.newInputStream(channel.position(0)));
        long complete = 0;
        while (true) {
            try {
                if (!member(in)) {
                    return complete;
                }
                complete = in.count;
            } catch (EOFException | DataFormatException | IllegalStateException torn) {
                return complete;
            }
        }
    }

    /** Reads one gzip member; false at a clean end of file. */
    private static boolean member(CountingInput in) throws IOException, DataFormatException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        if (first != 0x1f || in.readByte() != 0x8b || in.readByte() != 8) {
            throw new IllegalStateException("not a gzip member");
        }
        int flags = in.readByte();
        in.skipExactly(6);
        if ((flags & FEXTRA) != 0) {
            in.skipExactly(in.readByte() | in.readByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            in.skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            in.skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            in.skipExactly(2);
        }
        long[] crcAndLength = inflate(in);
        long crc = in.readInt();
        long length = in.readInt();
        if (crc != crcAndLength[0] || length != (crcAndLength[1] & 0xffffffffL)) {
            throw new IllegalStateException("trailer does not match");
        }
        return true;
    }

    /** Inflates one member's data, consuming exactly its bytes; returns its CRC-32 and length. */
    private static long[] inflate(CountingInput in) throws IOException, DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            CRC32 crc = new CRC32();
            byte[] output = new byte[1 << 16];
            long length = 0;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    in.feed(inflater);
                }
                if (inflater.needsDictionary()) {
                    throw new DataFormatException("a preset dictionary");
                }
                int n = inflater.inflate(output);
                crc.update(output, 0, n);
                length += n;
            }
            in.giveBack(inflater.getRemaining());
            return new long[] {crc.getValue(), length};
        } finally {
            inflater.end();
        }
    }

    /** The file's bytes through a buffer, counting what is consumed; an early end is an EOFException. */
    private static final class CountingInput {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private long count;

        CountingInput(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            count++;
            return buffer[position++] & 0xff;
        }

        int readByte() throws IOException {
            int b = read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        long readInt() throws IOException {
            return readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24;
        }

        void skipExactly(int n) throws IOException {
            for (int i = 0; i < n; i++) {
                readByte();
            }
        }

        void skipZeroTerminated() throws IOException {
            while (readByte() != 0) {
                // the field's characters
            }
        }

        /** Hands the inflater everything buffered (reading more when the buffer is spent). */
        void feed(Inflater inflater) throws IOException {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            inflater.setInput(buffer, position, limit - position);
            count += limit - position;
            position = limit;
        }

        /** Takes back what the inflater was handed but did not use: it belongs to what follows. */
        void giveBack(int unused) {
            position -= unused;
            count -= unused;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }
    }
}
