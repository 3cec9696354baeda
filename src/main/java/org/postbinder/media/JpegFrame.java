package org.postbinder.media;

import java.util.Optional;

/**
 * A JPEG's frame header (SOFn): its size and number of colour components (1 grey, 3 YCbCr or RGB,
 * 4 CMYK or YCCK), read by walking the marker segments without decoding the image.
 */
record JpegFrame(int width, int height, int components) {

    static Optional<JpegFrame> read(byte[] bytes) {
        int at = 2;
        while (at + 9 < bytes.length) {
            if ((bytes[at] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = bytes[at + 1] & 0xff;
            if (marker == 0xff) {
                // fill bytes may pad a marker
                at++;
                continue;
            }
            int length = unsigned16(bytes, at + 2);
            if (isFrameHeader(marker)) {
                return Optional.of(new JpegFrame(unsigned16(bytes, at + 7), unsigned16(bytes, at + 5), bytes[at + 9] & 0xff));
            }
            if (marker == 0xda || length < 2) {
                // image data starts, or the segment is damaged: no frame header came first
                return Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }

    private static int unsigned16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }
}
