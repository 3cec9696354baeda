package org.postbinder.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a file is, by its first bytes (its signature), whatever its name or content type says. */
enum ImageKind {
    JPEG, PNG, GIF, WEBP, SVG, UNKNOWN;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static ImageKind sniff(byte[] bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return JPEG;
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
            return GIF;
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return WEBP;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.contains("<svg") ? SVG : UNKNOWN;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
