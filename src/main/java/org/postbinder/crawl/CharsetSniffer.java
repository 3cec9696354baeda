package org.postbinder.crawl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * The charset of a page whose server declared none, when the page does not declare one either. A
 * byte-order mark or a {@code <meta charset>} in the page's head is left to the HTML parser, which
 * reads them as browsers do; a page with neither is UTF-8 if its bytes are valid UTF-8, or else
 * whatever Mozilla's detector makes of them (old Cyrillic, Greek, Japanese and Western sites), or
 * else windows-1252, the web's old default.
 */
public final class CharsetSniffer {

    /** Where browsers look for a {@code <meta charset>} (the HTML spec's prescan reads 1024 bytes; many pages put it later). */
    private static final int HEAD_BYTES = 4096;
    /** Enough text for the detector to be sure, and a bound on the work for a huge page. */
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private CharsetSniffer() {
    }

    /** The charset to read an undeclared page with; empty when the page itself says (BOM or meta). */
    public static Optional<Charset> undeclared(byte[] body) {
        if (hasByteOrderMark(body) || declaresInMeta(body)) {
            return Optional.empty();
        }
        int length = Math.min(body.length, SAMPLE_BYTES);
        if (isUtf8(body, length)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        return Optional.of(detect(body, length).orElse(FALLBACK));
    }

    private static boolean hasByteOrderMark(byte[] body) {
        return startsWith(body, 0xEF, 0xBB, 0xBF) || startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE);
    }

    private static boolean startsWith(byte[] body, int... bytes) {
        if (body.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((body[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean declaresInMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        return META_CHARSET.matcher(head).find();
    }

    /** Valid UTF-8 up to {@code length}; a sequence cut at the end of the sample does not count against it. */
    private static boolean isUtf8(byte[] body, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(body, 0, length), CharBuffer.allocate(length),
                length == body.length);
        return !result.isError();
    }

    private static Optional<Charset> detect(byte[] body, int length) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name.toLowerCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
