package org.postbinder.crawl;

import java.util.Optional;

/**
 * What a server said to identify a version of a page ({@code ETag}, {@code Last-Modified}); sent
 * back as {@code If-None-Match} and {@code If-Modified-Since}, they let an unchanged page answer 304.
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }
}
