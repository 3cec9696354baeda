package org.postbinder.store;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Recognizes the URLs of print and AMP copies by their shape ({@code /print/...}, {@code /amp/},
 * {@code article.amp.html}, {@code ?amp}, {@code ?output=amp}, {@code ?view=print}): when a page
 * declares no canonical URL, its shape is all that tells a copy from the article. Pure and
 * thread-safe.
 */
final class CopyUrls {

    private static final Pattern COPY_PATH = Pattern.compile(
            "(?i)(^|/)(amp|print|printable|printer-friendly|print-version)(/|$)|\\.amp(\\.html?)?$");
    private static final Pattern COPY_QUERY = Pattern.compile(
            "(?i)(^|&)((amp|print|printable)(=[^&]*)?|[a-z_]*=(amp|print|printable))(&|$)");

    private CopyUrls() {
    }

    static boolean looksLikeCopy(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return COPY_PATH.matcher(path).find() || COPY_QUERY.matcher(query).find();
    }
}
