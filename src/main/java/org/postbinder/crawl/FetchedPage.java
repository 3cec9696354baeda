package org.postbinder.crawl;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Optional;

/**
 * A response body as fetched, with what is needed to parse it.
 *
 * @param url         the URL that was asked for
 * @param finalUrl    the URL the body came from, after redirects (base for relative links)
 * @param contentType the media type without parameters, lower case (e.g. {@code text/html})
 * @param charset     the charset the server declared, if any; otherwise the parser detects it
 */
public record FetchedPage(URI url, URI finalUrl, String contentType, Optional<Charset> charset, byte[] body,
                          Instant fetchedAt) {

    public boolean isHtml() {
        return contentType.equals("text/html") || contentType.equals("application/xhtml+xml");
    }
}
