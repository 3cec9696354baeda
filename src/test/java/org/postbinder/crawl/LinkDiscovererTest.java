package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.postbinder.support.Pages;

/** {@code fixtures/crawl/listing.html}: page 1 of a WordPress blog's news listing at https://example.com/blog/. */
class LinkDiscovererTest {

    private static final String BASE = "https://example.com/blog/";

    private final LinkDiscoverer discoverer = new LinkDiscoverer();

    @Test
    void flagsPaginationAsSameDepthPages() throws IOException {
        // given
        Document listing = listing();

        // when
        Map<String, DiscoveredLink> links = byUrl(discoverer.discover(listing));

        // then
        assertThat(links.get(BASE + "page/2/")).isEqualTo(link(BASE + "page/2/", EntryKind.PAGE, true));
        assertThat(links.get(BASE + "page/3/")).isEqualTo(link(BASE + "page/3/", EntryKind.PAGE, true));
        assertThat(links.get(BASE + "page/14/")).isEqualTo(link(BASE + "page/14/", EntryKind.PAGE, true));
    }

    @Test
    void flagsAdvertisedFeedsAsSameDepthFeeds() throws IOException {
        // given
        Document listing = listing();

        // when
        Map<String, DiscoveredLink> links = byUrl(discoverer.discover(listing));

        // then
        assertThat(links.get(BASE + "feed/")).isEqualTo(link(BASE + "feed/", EntryKind.FEED, true));
        assertThat(links.get(BASE + "feed/atom/")).isEqualTo(link(BASE + "feed/atom/", EntryKind.FEED, true));
    }

    @Test
    void keepsAFeedAFeedWhenTheBodyAlsoLinksToIt() throws IOException {
        // given: the head advertises /blog/feed/ and a sidebar widget links to it as "Entries feed"
        Document listing = listing();

        // when
        List<DiscoveredLink> links = discoverer.discover(listing);

        // then
        assertThat(links).filteredOn(link -> link.url().toString().equals(BASE + "feed/"))
                .containsExactly(link(BASE + "feed/", EntryKind.FEED, true));
    }

    @Test
    void flagsPostsAndNavigationAsPagesOneLevelDeeper() throws IOException {
        // given
        Document listing = listing();

        // when
        Map<String, DiscoveredLink> links = byUrl(discoverer.discover(listing));

        // then
        assertThat(links.get(BASE + "2025/03/spring-fair/")).isEqualTo(link(BASE + "2025/03/spring-fair/", EntryKind.PAGE, false));
        assertThat(links.get("https://example.com/about/")).isEqualTo(link("https://example.com/about/", EntryKind.PAGE, false));
    }

    @Test
    void dropsImagesDocumentsMailAndScriptLinks() throws IOException {
        // given
        Document listing = listing();

        // when
        List<DiscoveredLink> links = discoverer.discover(listing);

        // then
        assertThat(links).extracting(link -> link.url().toString())
                .noneMatch(url -> url.matches("(?i).*\\.(pdf|jpe?g|png|webp)(\\?.*)?$"))
                .noneMatch(url -> url.contains("wp-content/uploads"))
                .allMatch(url -> url.startsWith("https://"));
    }

    @Test
    void stripsFragmentsAndMergesDuplicates() throws IOException {
        // given: the first post is linked five times (title, date, thumbnail, #more-112, #comments) and from
        // the sidebar; the second once with an upper-case host, once with #more-108, once in the sidebar
        Document listing = listing();

        // when
        List<DiscoveredLink> links = discoverer.discover(listing);

        // then
        assertThat(links).extracting(DiscoveredLink::url).doesNotHaveDuplicates()
                .allMatch(url -> url.getFragment() == null);
        assertThat(links).extracting(link -> link.url().toString())
                .containsOnlyOnce(BASE + "2025/03/spring-fair/", BASE + "2025/02/bus-timetable/");
    }

    @Test
    void findsEveryLinkOfTheListingOnceResolvedAgainstThePageUrl() throws IOException {
        // given
        Document listing = listing();

        // when
        List<DiscoveredLink> links = discoverer.discover(listing);

        // then: the comments feed (it lists comments, not posts) is left out
        assertThat(links).containsExactlyInAnyOrder(
                link(BASE + "page/2/", EntryKind.PAGE, true),
                link(BASE + "page/3/", EntryKind.PAGE, true),
                link(BASE + "page/14/", EntryKind.PAGE, true),
                link(BASE + "feed/", EntryKind.FEED, true),
                link(BASE + "feed/atom/", EntryKind.FEED, true),
                link(BASE, EntryKind.PAGE, false),
                link("https://example.com/", EntryKind.PAGE, false),
                link("https://example.com/about/", EntryKind.PAGE, false),
                link(BASE + "2025/03/spring-fair/", EntryKind.PAGE, false),
                link(BASE + "author/jmorgan/", EntryKind.PAGE, false),
                link(BASE + "category/events/", EntryKind.PAGE, false),
                link(BASE + "2025/02/bus-timetable/", EntryKind.PAGE, false),
                link(BASE + "2025/01/old-mill-photos/", EntryKind.PAGE, false),
                link("https://wordpress.org/", EntryKind.PAGE, false),
                link("https://example.com/privacy-policy/", EntryKind.PAGE, false));
    }

    @Test
    void flagsANextPageButtonAloneAsPagination() {
        // given
        Document page = Jsoup.parse("""
                <main><article><h2><a href="/blog/a/">A</a></h2></article></main>
                <a class="next page-numbers" href="/blog/page/5/">Older posts</a>
                """, BASE + "page/4/");

        // when
        List<DiscoveredLink> links = discoverer.discover(page);

        // then
        assertThat(links).containsExactly(
                link(BASE + "page/5/", EntryKind.PAGE, true),
                link(BASE + "a/", EntryKind.PAGE, false));
    }

    @Test
    void findsNothingOnAPageWithoutHrefs() {
        // given
        Document page = Jsoup.parse("<p>Just text and <a name=\"top\">an anchor without href</a>.</p>", BASE + "quiet.html");

        // when
        List<DiscoveredLink> links = discoverer.discover(page);

        // then
        assertThat(links).isEmpty();
    }

    private static Document listing() throws IOException {
        return Jsoup.parse(Pages.testResource("fixtures/crawl/listing.html").toFile(), "UTF-8", BASE);
    }

    private static Map<String, DiscoveredLink> byUrl(List<DiscoveredLink> links) {
        return links.stream().collect(Collectors.toMap(link -> link.url().toString(), Function.identity()));
    }

    private static DiscoveredLink link(String url, EntryKind kind, boolean sameDepth) {
        return new DiscoveredLink(URI.create(url), kind, sameDepth);
    }
}
