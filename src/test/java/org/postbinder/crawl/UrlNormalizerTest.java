package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** The table of cases is {@code fixtures/crawl/urls.csv}; an empty expected value means "rejected". */
class UrlNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/fixtures/crawl/urls.csv", numLinesToSkip = 1)
    void putsEachUrlInItsOneSpellingOrRejectsIt(String input, String expected) {
        // given
        String raw = input == null ? "" : input;

        // when
        Optional<URI> normalized = UrlNormalizer.parse(raw);

        // then
        if (expected == null) {
            assertThat(normalized).as("%s is rejected", raw).isEmpty();
        } else {
            assertThat(normalized).as("%s is normalized", raw).map(URI::toString).contains(expected);
        }
    }

    @Test
    void isIdempotent() {
        // given
        URI once = UrlNormalizer.parse("HTTPS://Example.COM:443/blog/./2025/../post.html?b=2&a=1#top").orElseThrow();

        // when
        Optional<URI> twice = UrlNormalizer.normalize(once);

        // then
        assertThat(twice).contains(once);
    }

    @Test
    void givesTwoSpellingsOfOnePageTheSameUri() {
        // given
        URI first = URI.create("http://Example.com:80/blog/2025/../post.html#comments");
        URI second = URI.create("http://example.com/blog/post.html");

        // when / then
        assertThat(UrlNormalizer.normalize(first)).isEqualTo(UrlNormalizer.normalize(second)).isPresent();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "file:///site/blog/../about.html, file:///site/about.html",
            "file:/site/./blog/index.html,    file:///site/blog/index.html"})

    void keepsTheFileSpellingWhenItResolvesDotSegments(String input, String expected) {
        // given
        URI url = URI.create(input);

        // when
        Optional<URI> normalized = UrlNormalizer.normalize(url);

        // then
        assertThat(normalized).map(URI::toString).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://example.com/../post.html,       https://example.com/post.html",
            "https://example.com/blog/../../x.html,  https://example.com/x.html"})

    void dropsDotDotSegmentsAboveTheRoot(String input, String expected) {
        // given
        URI url = URI.create(input);

        // when
        Optional<URI> normalized = UrlNormalizer.normalize(url);

        // then
        assertThat(normalized).map(URI::toString).contains(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "https://example.com/blog/café/,  https://example.com/blog/caf%C3%A9/",
            "https://example.com/blog/caf%c3%a9/, https://example.com/blog/caf%C3%A9/"})

    void givesARawUnicodePathAndItsPercentEncodingOneSpelling(String raw, String encoded) {
        // given
        URI first = URI.create(raw);
        URI second = URI.create(encoded);

        // when
        Optional<URI> normalizedFirst = UrlNormalizer.normalize(first);
        Optional<URI> normalizedSecond = UrlNormalizer.normalize(second);

        // then
        assertThat(normalizedFirst.map(URI::toString)).isPresent().isEqualTo(normalizedSecond.map(URI::toString));
    }
}
