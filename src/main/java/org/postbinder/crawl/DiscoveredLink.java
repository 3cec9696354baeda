package org.postbinder.crawl;

import java.net.URI;

/**
 * A URL found on a page, sitemap or feed.
 *
 * @param sameDepth true for pagination and for sitemap and feed entries: following them does not
 *                  take the crawl deeper, so a long archive of listing pages is not cut by max-depth
 */
public record DiscoveredLink(URI url, EntryKind kind, boolean sameDepth) {}
