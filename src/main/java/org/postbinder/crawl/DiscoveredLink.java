package org.postbinder.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A URL found on a page, sitemap or feed.
 *
 * @param sameDepth    true for pagination and for sitemap and feed entries: following them does not
 *                     take the crawl deeper, so a long archive of listing pages is not cut by max-depth
 * @param lastModified a sitemap's {@code lastmod} for the URL, when it gives one
 */
public record DiscoveredLink(URI url, EntryKind kind, boolean sameDepth, Optional<Instant> lastModified) {

    public DiscoveredLink(URI url, EntryKind kind, boolean sameDepth) {
        this(url, kind, sameDepth, Optional.empty());
    }
}
