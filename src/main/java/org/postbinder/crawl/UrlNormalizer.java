package org.postbinder.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts URLs in one spelling so that the same page is queued once: scheme and host in lower case,
 * default ports and fragments removed, an empty path made "/", dot segments resolved.
 * Pure and thread-safe.
 */
public final class UrlNormalizer {

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
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
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
        text.append(path);
        if (url.getRawQuery() != null) {
            text.append('?').append(url.getRawQuery());
        }
        try {
            return Optional.of(new URI(text.toString()).normalize());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static Optional<URI> parse(String raw) {
        try {
            return normalize(new URI(raw.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
