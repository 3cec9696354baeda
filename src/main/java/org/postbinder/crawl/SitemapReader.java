package org.postbinder.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

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

    /** The sitemap protocol's own limits: 50,000 URLs and 50 MB (uncompressed) per file. */
    static final int MAX_ENTRIES = 50_000;
    static final long MAX_UNCOMPRESSED_BYTES = 50L * 1024 * 1024;

    public Listing read(FetchedPage document) {
        Optional<byte[]> body = uncompressed(document.body());
        if (body.isEmpty()) {
            return new Listing(List.of(), "larger than " + MAX_UNCOMPRESSED_BYTES + " bytes once decompressed");
        }
        SiteMapParser parser = new SiteMapParser(false);
        // XML sitemaps of saved sites (and of some broken CMS plugins) list relative locations, which
        // the protocol forbids and crawler-commons would drop: resolve them as a browser would.
        // Text sitemaps stay strict: there, any line of an error page would pass for a relative URL.
        URI base = document.finalUrl();
        if (document.contentType().contains("xml")) {
            parser.setURLFilter((String location) -> resolve(base, location));
        }
        try {
            String type = document.body() == body.get() ? document.contentType() : "application/xml";
            AbstractSiteMap map = parser.parseSiteMap(type, body.get(), base.toURL());
            List<DiscoveredLink> links = new ArrayList<>();
            if (map instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps().stream().limit(MAX_ENTRIES).toList()) {
                    UrlNormalizer.parse(child.getUrl().toString())
                            .ifPresent(url -> links.add(new DiscoveredLink(url, EntryKind.SITEMAP, true)));
                }
            } else if (map instanceof SiteMap siteMap) {
                for (SiteMapURL entry : siteMap.getSiteMapUrls().stream().limit(MAX_ENTRIES).toList()) {
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

    /**
     * A gzipped sitemap is decompressed here, within the protocol's size limit, rather than by the
     * parser, which would inflate a decompression bomb without limit.
     */
    private static Optional<byte[]> uncompressed(byte[] body) {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return Optional.of(body);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return BoundedBody.read(in, MAX_UNCOMPRESSED_BYTES);
        } catch (IOException e) {
            return Optional.of(new byte[0]);
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
