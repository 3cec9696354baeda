package org.postbinder.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response as they went over the wire, for the record (WARC).
 *
 * @param rawBody   the response body as received (still gzipped if it came gzipped)
 * @param truncated whether the body was not read to its end (too large, not a readable type, an error status)
 */
public record Exchange(URI url, Instant at, Map<String, List<String>> requestHeaders, int status,
                       Map<String, List<String>> responseHeaders, byte[] rawBody, boolean truncated) {

    public Exchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
    }
}
