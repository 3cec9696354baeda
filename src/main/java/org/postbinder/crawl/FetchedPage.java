package org.postbinder.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A response body as fetched, with what is needed to parse it.
 *
 * @param url         the URL that was asked for
 * @param finalUrl    the URL the body came from, after redirects (base for relative links)
 * @param contentType the media type without parameters, lower case (e.g. {@code text/html})
 * @param charset     the charset the server declared, if any; otherwise the page's own or a guess
 * @param validators  what identifies this version, for a conditional request next time
 */
public record FetchedPage(URI url, URI finalUrl, String contentType, Optional<Charset> charset, byte[] body,
                          Instant fetchedAt, Validators validators) {

    public FetchedPage(URI url, URI finalUrl, String contentType, Optional<Charset> charset, byte[] body, Instant fetchedAt) {
        this(url, finalUrl, contentType, charset, body, fetchedAt, Validators.NONE);
    }

    /**
     * Parses the body as HTML, relative links resolving against {@link #finalUrl()}. The charset is
     * the server's when it declared one; otherwise jsoup reads the byte-order mark or the
     * {@code <meta charset>}; a page that declares nothing is sniffed ({@link CharsetSniffer}).
     */
    public Document parse() {
        Optional<Charset> decodeAs = charset.or(() -> CharsetSniffer.undeclared(body));
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), decodeAs.map(Charset::name).orElse(null), finalUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + url, e);
        }
    }

    public boolean isHtml() {
        return contentType.equals("text/html") || contentType.equals("application/xhtml+xml");
    }
}
