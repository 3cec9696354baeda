package org.postbinder.crawl;

/** What became of one fetch. Every outcome but {@link #FETCHED} means no page, with a reason. */
public enum FetchOutcome {
    /** A 2xx response (or a readable file) with a body within the size limit. */
    FETCHED,
    /** 304: the page is as it was at the last fetch; there is nothing to download or extract. */
    NOT_MODIFIED,
    /** 404 and 410: the page is not there; retrying tonight will not help. */
    NOT_FOUND,
    /** Other 4xx (401, 403, 451, ...): the server refuses us; we do not work around it. */
    REFUSED,
    /** 429, 5xx, timeouts and I/O errors: the server or the network failed for now; the crawl tries again later. */
    RETRY_LATER,
    /** A failure that will not go away: a redirect loop, too many redirects, a malformed response. */
    FAILED,
    /** The address guard, the job's scope or robots.txt forbids the URL (also when a redirect leads there). */
    BLOCKED,
    /** The body exceeded the size limit; it was cut off while streaming and dropped. */
    TOO_LARGE,
    /** A content type the pipeline cannot read (images, PDFs, archives, ...). */
    UNSUPPORTED_TYPE
}
