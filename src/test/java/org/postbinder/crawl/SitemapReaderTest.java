package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postbinder.support.Pages;

class SitemapReaderTest {

    private final SitemapReader reader = new SitemapReader();

    @Test
    void listsThePagesOfAUrlset() throws IOException {
        // given
        FetchedPage sitemap = page("https://example.com/sitemap.xml", "application/xml", fixture("sitemap.xml"));

        // when
        SitemapReader.Listing listing = reader.read(sitemap);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(withoutDates(listing.links())).containsExactlyInAnyOrder(
                link("https://example.com/blog/2025/03/spring-fair/", EntryKind.PAGE),
                link("https://example.com/blog/2025/02/bus-timetable/", EntryKind.PAGE),
                link("https://example.com/blog/2025/01/old-mill-photos/", EntryKind.PAGE));
    }

    @Test
    void resolvesRelativeLocationsAgainstTheSitemapUrl() throws IOException {
        // given
        FetchedPage sitemap = page("https://example.com/blog/sitemap.xml", "text/xml", fixture("sitemap-relative.xml"));

        // when
        SitemapReader.Listing listing = reader.read(sitemap);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(withoutDates(listing.links())).containsExactlyInAnyOrder(
                link("https://example.com/blog/2025/03/spring-fair/", EntryKind.PAGE),
                link("https://example.com/blog/2025/02/bus-timetable.html", EntryKind.PAGE),
                link("https://example.com/about/index.html", EntryKind.PAGE));
    }

    @Test
    void resolvesRelativeLocationsOfASavedSiteAgainstTheSitemapFile() throws IOException {
        // given
        FetchedPage sitemap = page("file:///archive/site/blog/sitemap.xml", "application/xml", fixture("sitemap-relative.xml"));

        // when
        SitemapReader.Listing listing = reader.read(sitemap);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(listing.links()).contains(
                link("file:///archive/site/blog/2025/02/bus-timetable.html", EntryKind.PAGE),
                link("file:///archive/site/about/index.html", EntryKind.PAGE));
    }

    @Test
    void listsTheChildSitemapsOfASitemapIndex() throws IOException {
        // given
        FetchedPage index = page("https://example.com/sitemap_index.xml", "application/xml", fixture("sitemap-index.xml"));

        // when
        SitemapReader.Listing listing = reader.read(index);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(withoutDates(listing.links())).containsExactlyInAnyOrder(
                link("https://example.com/post-sitemap.xml", EntryKind.SITEMAP),
                link("https://example.com/page-sitemap.xml", EntryKind.SITEMAP),
                link("https://example.com/category-sitemap.xml.gz", EntryKind.SITEMAP));
    }

    @Test
    void readsAGzippedSitemap() throws IOException {
        // given
        byte[] gzipped = gzip(fixture("sitemap.xml"));
        FetchedPage sitemap = page("https://example.com/sitemap.xml.gz", "application/gzip", gzipped);

        // when
        SitemapReader.Listing listing = reader.read(sitemap);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(withoutDates(listing.links())).hasSize(3)
                .contains(link("https://example.com/blog/2025/03/spring-fair/", EntryKind.PAGE));
    }

    @Test
    void listsTheItemsOfAnRssFeedAsPages() throws IOException {
        // given
        FetchedPage feed = page("https://example.com/blog/feed/", "application/rss+xml", fixture("feed-rss.xml"));

        // when
        SitemapReader.Listing listing = reader.read(feed);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(withoutDates(listing.links())).containsExactlyInAnyOrder(
                link("https://example.com/blog/2025/03/spring-fair/", EntryKind.PAGE),
                link("https://example.com/blog/2025/02/bus-timetable/", EntryKind.PAGE));
    }

    @Test
    void listsTheEntriesOfAnAtomFeedAsPages() throws IOException {
        // given
        FetchedPage feed = page("https://example.com/blog/feed/atom/", "application/atom+xml", fixture("feed-atom.xml"));

        // when
        SitemapReader.Listing listing = reader.read(feed);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(withoutDates(listing.links())).containsExactlyInAnyOrder(
                link("https://example.com/blog/2025/03/spring-fair/", EntryKind.PAGE),
                link("https://example.com/blog/2025/01/old-mill-photos/", EntryKind.PAGE));
    }

    @Test
    void listsTheLinesOfAPlainTextSitemap() {
        // given
        FetchedPage sitemap = page("https://example.com/sitemap.txt", "text/plain",
                "https://example.com/blog/a.html\nhttps://example.com/blog/b.html\n");

        // when
        SitemapReader.Listing listing = reader.read(sitemap);

        // then
        assertThat(listing.problem()).isEmpty();
        assertThat(withoutDates(listing.links())).containsExactly(
                link("https://example.com/blog/a.html", EntryKind.PAGE),
                link("https://example.com/blog/b.html", EntryKind.PAGE));
    }

    @Test
    void dropsUnfetchableLocationsAndStripsFragments() {
        // given
        FetchedPage sitemap = page("https://example.com/sitemap.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>mailto:editor@example.com</loc></url>
                  <url><loc>HTTPS://Example.com:443/blog/a.html#top</loc></url>
                </urlset>
                """);

        // when
        SitemapReader.Listing listing = reader.read(sitemap);

        // then
        assertThat(withoutDates(listing.links())).containsExactly(link("https://example.com/blog/a.html", EntryKind.PAGE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "text/html        | <html><body><h1>Page not found</h1></body></html>",
            "application/xml  | ''",
            "application/xml  | this is not xml at all <<<",
            "application/xml  | <?xml version='1.0'?><catalog><book>Dune</book></catalog>",
            "application/gzip | not gzipped"})
    void reportsAProblemAndNoLinksForGarbage(String contentType, String body) {
        // given
        FetchedPage garbage = page("https://example.com/sitemap.xml", contentType, body);

        // when
        SitemapReader.Listing listing = reader.read(garbage);

        // then
        assertThat(listing.links()).isEmpty();
        assertThat(listing.problem()).isNotBlank();
    }

    @Test
    void reportsAProblemAndNoLinksForAPlainTextErrorPage() {
        // given
        FetchedPage garbage = page("https://example.com/sitemap.txt", "text/plain", "Page not found\nSorry, nothing here.\n");

        // when
        SitemapReader.Listing listing = reader.read(garbage);

        // then
        assertThat(listing.links()).isEmpty();
        assertThat(listing.problem()).isNotBlank();
    }

    @Test
    void aSitemapWithAnExternalEntityDoesNotReadLocalFiles() throws IOException {
        // given: the classic XXE, pointing at a file that exists on every test machine
        Path secret = Files.createTempFile("postbinder-secret", ".txt");
        Files.writeString(secret, "top-secret-token");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://example.com/&xxe;</loc></url>"
                + "<url><loc>https://example.com/real/</loc></url></urlset>";

        // when
        SitemapReader.Listing listing = reader.read(page("https://example.com/sitemap.xml", "application/xml", xml));

        // then
        assertThat(listing.links()).noneMatch(link -> link.url().toString().contains("top-secret-token"));
        Files.delete(secret);
    }

    @Test
    void keepsEachEntrysLastmod() throws IOException {
        SitemapReader.Listing listing = reader.read(page("https://example.com/sitemap.xml", "application/xml",
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>https://example.com/a/</loc><lastmod>2025-04-10T09:30:00+01:00</lastmod></url>"
                        + "<url><loc>https://example.com/b/</loc></url></urlset>"));

        assertThat(listing.links()).extracting(DiscoveredLink::lastModified)
                .containsExactly(java.util.Optional.of(java.time.Instant.parse("2025-04-10T08:30:00Z")), java.util.Optional.empty());
    }

    @Test
    void aGzippedSitemapThatInflatesPastTheProtocolLimitIsRefused() throws IOException {
        // given: zeros that decompress to more than 50 MB
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 60; i++) {
                gzip.write(zeros);
            }
        }

        // when
        SitemapReader.Listing listing = reader.read(page("https://example.com/sitemap.xml.gz", "application/gzip",
                compressed.toByteArray()));

        // then
        assertThat(listing.links()).isEmpty();
        assertThat(listing.problem()).startsWith("larger than");
    }

    /** Compares what a link is, leaving out the lastmod that some tests' fixtures carry. */
    private static List<DiscoveredLink> withoutDates(List<DiscoveredLink> links) {
        return links.stream().map(link -> new DiscoveredLink(link.url(), link.kind(), link.sameDepth())).toList();
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Pages.testResource("fixtures/crawl/" + name));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static FetchedPage page(String url, String contentType, String body) {
        return page(url, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static FetchedPage page(String url, String contentType, byte[] body) {
        URI uri = URI.create(url);
        return new FetchedPage(uri, uri, contentType, Optional.empty(), body, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static DiscoveredLink link(String url, EntryKind kind) {
        return new DiscoveredLink(URI.create(url), kind, true);
    }
}
