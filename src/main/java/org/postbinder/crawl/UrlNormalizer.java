package org.postbinder.crawl;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Puts URLs in one spelling so that the same page is queued once: scheme and host in lower case,
 * default ports and fragments removed, an empty path made "/", dot segments resolved as RFC 3986
 * says (also above the root), one percent-encoding (non-ASCII characters encoded as UTF-8, escapes
 * in upper case, escapes of characters that need none decoded), tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}, ...) removed and the remaining query parameters sorted by name.
 * File URLs are spelled {@code file:///path}. Pure and thread-safe.
 */
public final class UrlNormalizer {

    /** Characters a path or query may hold as they are (RFC 3986 unreserved, sub-delims, ':', '@', '/'). */
    private static final String PLAIN = "-._~!$&'()*+,;=:@/";
    /** RFC 3986 reserved characters: an escaped one means something else than the plain one, so it stays escaped. */
    private static final String RESERVED = ":/?#[]@!$&'()*+,;=%";
    /** Parameters that say where a reader came from, never which page they asked for. */
    private static final Pattern TRACKING = Pattern.compile("(?i)utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid"
            + "|mc_cid|mc_eid|_ga|_gl|yclid|igshid|twclid|ttclid|oly_enc_id|oly_anon_id|vero_id|_hsenc|_hsmi|mkt_tok");
    private static final Pattern AUTHORITY = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?)([^:/?#]+)");

    private UrlNormalizer() {
    }

    /** The normalized URL, or empty for what is not a fetchable http(s) or file URL. */
    public static Optional<URI> normalize(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.isOpaque() || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("file"))) {
            return Optional.empty();
        }
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("file") && host == null) {
            return Optional.empty();
        }
        int port = url.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String rawPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder text = new StringBuilder(scheme).append("://");
        if (url.getRawUserInfo() != null) {
            text.append(url.getRawUserInfo()).append('@');
        }
        if (host != null) {
            text.append(host);
        }
        if (port != -1) {
            text.append(':').append(port);
        }
        text.append(encode(removeDotSegments(rawPath), RESERVED));
        String query = url.getRawQuery() == null ? "" : cleanQuery(url.getRawQuery());
        if (!query.isEmpty()) {
            // in a query, an escaped & = + ; separates nothing: it must stay escaped
            text.append('?').append(encode(query, RESERVED));
        }
        try {
            return Optional.of(new URI(text.toString()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static Optional<URI> parse(String raw) {
        try {
            return normalize(new URI(escapeIllegal(asciiHost(raw.strip()))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Escapes what may not stand in a URI at all (spaces, "|", "^", non-ASCII, ...), leaving the rest as written. */
    public static String escapeIllegal(String reference) {
        return encode(reference, RESERVED);
    }

    /**
     * Writes an internationalized host name ({@code пример.рф}) in its ASCII form
     * ({@code xn--e1afmkfd.xn--p1ai}), which is what DNS and {@link URI} understand.
     */
    public static String asciiHost(String url) {
        Matcher authority = AUTHORITY.matcher(url);
        if (!authority.find() || authority.group(2).chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        return url.substring(0, authority.start(2)) + IDN.toASCII(authority.group(2), IDN.ALLOW_UNASSIGNED)
                + url.substring(authority.end(2));
    }

    /** Without tracking parameters, the rest sorted by name (a stable sort keeps repeated names in order). */
    private static String cleanQuery(String query) {
        return Arrays.stream(query.split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .filter(parameter -> !TRACKING.matcher(parameter.split("=", 2)[0]).matches())
                .sorted(Comparator.comparing(parameter -> parameter.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 section 5.2.4, on an absolute path. */
    static String removeDotSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("..")) {
                kept.pollLast();
                if (last) {
                    kept.add("");
                }
            } else if (segment.equals(".")) {
                if (last) {
                    kept.add("");
                }
            } else {
                kept.add(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    /**
     * One percent-encoding for a URL part: escapes decoded unless the character is in
     * {@code keepEscaped} or cannot appear plain; everything else outside {@link #PLAIN} and
     * ASCII letters and digits escaped, as UTF-8, in upper case.
     */
    private static String encode(String part, String keepEscaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%' && i + 2 < part.length() && isHex(part.charAt(i + 1)) && isHex(part.charAt(i + 2))) {
                int value = Integer.parseInt(part.substring(i + 1, i + 3), 16);
                if (value < 0x80 && keepEscaped.indexOf(value) >= 0 || value < 0x20 || value == 0x7f) {
                    out.append('%').append(part.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                } else {
                    escapeOrKeep(out, (byte) value, keepEscaped);
                }
                i += 2;
            } else if (c < 0x80) {
                if (keepEscaped.indexOf(c) >= 0 || isPlain(c) || c == '%') {
                    out.append(c == '%' ? "%25" : String.valueOf(c));
                } else {
                    escapeOrKeep(out, (byte) c, keepEscaped);
                }
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < part.length() ? i + 2 : i + 1;
                bytes.reset();
                bytes.writeBytes(part.substring(i, end).getBytes(StandardCharsets.UTF_8));
                for (byte b : bytes.toByteArray()) {
                    escapeOrKeep(out, b, keepEscaped);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static void escapeOrKeep(StringBuilder out, byte value, String keepEscaped) {
        char c = (char) (value & 0xff);
        if (c < 0x80 && isPlain(c) && keepEscaped.indexOf(c) < 0) {
            out.append(c);
        } else {
            out.append('%').append(String.format(Locale.ROOT, "%02X", value & 0xff));
        }
    }

    private static boolean isPlain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PLAIN.indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
