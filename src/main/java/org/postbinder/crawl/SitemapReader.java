package org.postbinder.crawl;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;

/**
 * Reads sitemaps (XML, text, gzipped, and sitemap indexes) and RSS/Atom feeds with crawler-commons
 * into the URLs they list. Thread-safe.
 */
@Component
public class SitemapReader {

    /** The result: the URLs listed, or why the document could not be read. */
    public record Listing(List<DiscoveredLink> links, String problem) {
        public Listing {
            links = List.copyOf(links);
        }
    }

    public Listing read(FetchedPage document) {
        SiteMapParser parser = new SiteMapParser(false);
        // XML sitemaps of saved sites (and of some broken CMS plugins) list relative locations, which
        // the protocol forbids and crawler-commons would drop: resolve them as a browser would.
        // Text sitemaps stay strict: there, any line of an error page would pass for a relative URL.
        URI base = document.finalUrl();
        if (document.contentType().contains("xml")) {
            parser.setURLFilter((String location) -> resolve(base, location));
        }
        try {
            AbstractSiteMap map = parser.parseSiteMap(document.contentType(), document.body(), base.toURL());
            List<DiscoveredLink> links = new ArrayList<>();
            if (map instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    UrlNormalizer.parse(child.getUrl().toString())
                            .ifPresent(url -> links.add(new DiscoveredLink(url, EntryKind.SITEMAP, true)));
                }
            } else if (map instanceof SiteMap siteMap) {
                for (SiteMapURL entry : siteMap.getSiteMapUrls()) {
                    Optional<Instant> lastModified = Optional.ofNullable(entry.getLastModified()).map(java.util.Date::toInstant);
                    UrlNormalizer.parse(entry.getUrl().toString())
                            .ifPresent(url -> links.add(new DiscoveredLink(url, EntryKind.PAGE, true, lastModified)));
                }
            }
            return links.isEmpty() ? new Listing(links, "lists no URLs") : new Listing(links, "");
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            return new Listing(List.of(), "not a readable sitemap or feed: " + e.getMessage());
        }
    }

    /** A location with white space inside is prose, not a path; it is left for the parser to reject. */
    private static String resolve(URI base, String location) {
        String trimmed = location.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)) {
            return location;
        }
        try {
            return base.resolve(trimmed).toString();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }
}
