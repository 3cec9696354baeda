package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.postbinder.job.JobDefinition;

class ScopeTest {

    @Test
    void coversWhatLiesUnderTheStartUrlsFolder() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/blog/"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/blog/"))).isTrue();
        assertThat(scope.contains(url("https://example.com/blog/2025/x.html"))).isTrue();
        assertThat(scope.contains(url("https://example.com/blog/page/2/?orderby=date"))).isTrue();
    }

    @Test
    void leavesOutOtherFoldersAndOtherHosts() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/blog/"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/shop/"))).isFalse();
        assertThat(scope.contains(url("https://example.com/"))).isFalse();
        assertThat(scope.contains(url("https://example.com/blogroll/"))).isFalse();
        assertThat(scope.contains(url("https://other.example/blog/x.html"))).isFalse();
        assertThat(scope.contains(url("https://example.com.evil.test/blog/x.html"))).isFalse();
        assertThat(scope.contains(url("https://example.com:8443/blog/x.html"))).isFalse();
    }

    @Test
    void takesTheFolderOfAStartUrlThatIsAPage() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/blog/index.php?page=1"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/blog/2025/x.html"))).isTrue();
        assertThat(scope.contains(url("https://example.com/about/"))).isFalse();
    }

    @Test
    void normalizesTheStartUrlBeforeTakingItsFolder() {
        // given
        Scope scope = Scope.of(job(startUrls("HTTPS://Example.COM:443/blog/#latest"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/blog/2025/x.html"))).isTrue();
    }

    @Test
    void coversTheFoldersOfEveryStartUrl() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/blog/", "https://news.example.org/local/"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/blog/a.html"))).isTrue();
        assertThat(scope.contains(url("https://news.example.org/local/b.html"))).isTrue();
        assertThat(scope.contains(url("https://news.example.org/sport/c.html"))).isFalse();
    }

    @Test
    void coversASavedSiteOnDisk() {
        // given
        Scope scope = Scope.of(job(startUrls("file:///archive/site/index.html"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("file:///archive/site/2025/x.html"))).isTrue();
        assertThat(scope.contains(url("file:///archive/other/x.html"))).isFalse();
    }

    @Test
    void replacesTheFolderRuleWithIncludePatterns() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/blog/"), List.of("/20\\d\\d/\\d\\d/"), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/2025/03/spring-fair/"))).isTrue();
        assertThat(scope.contains(url("https://example.com/blog/about/"))).isFalse();
    }

    @Test
    void coversAUrlMatchingAnyOfSeveralIncludePatterns() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/"), List.of("/news/", "/events/"), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/news/a.html"))).isTrue();
        assertThat(scope.contains(url("https://example.com/events/b.html"))).isTrue();
        assertThat(scope.contains(url("https://example.com/shop/c.html"))).isFalse();
    }

    @Test
    void leavesOutExcludedUrlsUnderTheStartFolder() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/blog/"), List.of(), List.of("/tag/", "[?&]replytocom=")));

        // when / then
        assertThat(scope.contains(url("https://example.com/blog/tag/fairs/"))).isFalse();
        assertThat(scope.contains(url("https://example.com/blog/x.html?replytocom=12"))).isFalse();
        assertThat(scope.contains(url("https://example.com/blog/x.html"))).isTrue();
    }

    @Test
    void letsAnExcludeWinOverAnInclude() {
        // given
        Scope scope = Scope.of(job(startUrls("https://example.com/"), List.of("/2025/"), List.of("/2025/.*/amp/$")));

        // when / then
        assertThat(scope.contains(url("https://example.com/2025/03/fair/amp/"))).isFalse();
        assertThat(scope.contains(url("https://example.com/2025/03/fair/"))).isTrue();
    }

    @Test
    void usesTheSitemapsFolderWhenThereAreNoStartUrls() {
        // given
        Scope scope = Scope.of(job(sitemaps("https://example.com/news/sitemap.xml"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/news/2025/a.html"))).isTrue();
        assertThat(scope.contains(url("https://example.com/shop/b.html"))).isFalse();
    }

    @Test
    void usesTheFeedsFolderWhenThereAreNoStartUrls() {
        // given
        Scope scope = Scope.of(job(feeds("https://example.com/blog/feed.xml"), List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/blog/a.html"))).isTrue();
        assertThat(scope.contains(url("https://example.com/shop/b.html"))).isFalse();
    }

    @Test
    void ignoresTheSitemapFolderWhenThereAreStartUrls() {
        // given
        JobDefinition.Sources sources = new JobDefinition.Sources(List.of(url("https://example.com/blog/")),
                List.of(url("https://example.com/sitemap.xml")), List.of());
        Scope scope = Scope.of(job(sources, List.of(), List.of()));

        // when / then
        assertThat(scope.contains(url("https://example.com/shop/b.html"))).isFalse();
    }

    @Test
    void readsSitemapsAndFeedsAnywhereOnTheSourcesHostsButNotElsewhere() {
        // given: a blog under /blog/ whose sitemap index sits at the site's root
        JobDefinition.Sources sources = new JobDefinition.Sources(List.of(url("https://example.com/blog/")),
                List.of(url("https://example.com/sitemap_index.xml")), List.of());
        Scope scope = Scope.of(job(sources, List.of(), List.of("/private/")));

        // when / then
        assertThat(scope.allowsListing(url("https://example.com/post-sitemap.xml"))).isTrue();
        assertThat(scope.allowsListing(url("https://example.com/private/sitemap.xml"))).isFalse();
        assertThat(scope.allowsListing(url("https://other.example/sitemap.xml"))).isFalse();
        assertThat(scope.contains(url("https://example.com/post-sitemap.xml"))).as("not a page in scope").isFalse();
    }

    private static JobDefinition job(JobDefinition.Sources sources, List<String> include, List<String> exclude) {
        return new JobDefinition("blog", "Blog", Path.of("jobs/blog.yml"), sources,
                new JobDefinition.Scope(patterns(include), patterns(exclude), 1000, 10, 500),
                JobDefinition.Crawl.defaults(),
                JobDefinition.Extract.generic(),
                new JobDefinition.Export(Set.of(JobDefinition.Format.JSON)),
                Optional.empty());
    }

    private static JobDefinition.Sources startUrls(String... urls) {
        return new JobDefinition.Sources(urls(urls), List.of(), List.of());
    }

    private static JobDefinition.Sources sitemaps(String... urls) {
        return new JobDefinition.Sources(List.of(), urls(urls), List.of());
    }

    private static JobDefinition.Sources feeds(String... urls) {
        return new JobDefinition.Sources(List.of(), List.of(), urls(urls));
    }

    private static List<URI> urls(String... texts) {
        return Stream.of(texts).map(URI::create).toList();
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }

    private static URI url(String text) {
        return URI.create(text);
    }
}
