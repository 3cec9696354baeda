package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import org.jsoup.Jsoup;
import org.postbinder.clean.PostCleaner;
import org.postbinder.job.JobDefinition;
import org.postbinder.normalize.TextNormalizer;
import org.postbinder.store.Post;

/**
 * Invariants of extraction and cleaning over generated pages: dated or not, with prose, figures
 * and captions, headings, lists, tables, code, scripts, navigation, share bars and comment forms,
 * nested in any order, with text in several scripts and with control characters, markup and
 * entities where text should be.
 */
class ExtractionPropertiesTest {

    private static final URI URL = URI.create("https://harbour.example/2025/04/10/ferry/");
    private static final Instant FETCHED = Instant.parse("2025-04-11T08:00:00Z");
    /** Controls that a post's text must never carry (tab and newline may remain in code blocks). */
    private static final String CONTROLS = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]";

    private final PostExtractor extractor = new PostExtractor();
    private final PostCleaner cleaner = new PostCleaner();

    @Property(tries = 300)
    void readingAPageNeverThrowsAndItsTextHasNoControlCharacters(@ForAll("pages") String html) {
        Optional<Post> post = read(html);
        Statistics.label("post").collect(post.isPresent() ? "a post" : "no post");
        Statistics.label("captions").collect(post.map(found -> !found.captions().isEmpty()).orElse(false) ? "captions" : "none");
        // the invariants below are checked on real posts, with captions, in a good share of the pages
        Statistics.label("post").coverage(checker -> checker.check("a post").percentage(share -> share >= 25));
        Statistics.label("captions").coverage(checker -> checker.check("captions").percentage(share -> share >= 10));

        post.ifPresent(found -> {
            assertThat(found.title()).doesNotContainPattern(CONTROLS).isNotBlank();
            assertThat(found.paragraphs()).allSatisfy(paragraph -> assertThat(paragraph).doesNotContainPattern(CONTROLS));
            assertThat(found.captions()).allSatisfy(caption -> assertThat(caption).doesNotContainPattern(CONTROLS));
        });
    }

    @Property(tries = 300)
    void aCaptionIsNeverAlsoAParagraphOfTheBody(@ForAll("pages") String html) {
        Optional<Post> post = read(html);

        post.ifPresent(found -> {
            Set<String> captions = found.captions().stream().map(TextNormalizer::normalize).collect(Collectors.toSet());
            assertThat(found.paragraphs()).noneMatch(paragraph -> captions.contains(TextNormalizer.normalize(paragraph)));
            assertThat(found.captions()).doesNotHaveDuplicates();
        });
    }

    @Property(tries = 200)
    void readingIsDeterministic(@ForAll("pages") String html) {
        assertThat(read(html)).isEqualTo(read(html));
    }

    private Optional<Post> read(String html) {
        ExtractedPost extracted = extractor.extract(Jsoup.parse(html, URL.toString()), URL, JobDefinition.Extract.generic(),
                FETCHED);
        return cleaner.clean(extracted, FETCHED);
    }

    @Provide
    static Arbitrary<String> pages() {
        Arbitrary<String> head = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("<meta property=\"article:published_time\" content=\"2025-04-10T09:00:00+03:00\">")),
                Tuple.of(3, Arbitraries.just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                        + "\"headline\":\"Ferry &amp; quay\",\"datePublished\":\"2025-04-10\"}</script>")),
                Tuple.of(3, Arbitraries.just("<meta name=\"date\" content=\"10.04.2025\">")),
                Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(head, text(), blocks(3).list().ofMaxSize(12))
                .as((meta, title, body) -> "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>" + meta
                        + "</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/about/\">About</a></nav></header>"
                        + "<main><article><h1>" + title + "</h1>" + String.join("", body) + "</article></main>"
                        + "<footer>© 2025 Harbour Lights</footer></body></html>");
    }

    private static Arbitrary<String> blocks(int depth) {
        Arbitrary<String> text = text();
        List<Arbitrary<String>> leaves = List.of(
                prose().map(t -> "<p>" + t + "</p>"),
                prose().map(t -> "<p>" + t + " <a href=\"/more/\">" + t + "</a></p>"),
                text.map(t -> "<figure><img src=\"/img/a.jpg\" alt=\"" + t.replace("\"", "") + "\"><figcaption>" + t
                        + "</figcaption></figure>"),
                text.map(t -> "<p>" + t + "</p><figure><img src=\"/img/b.jpg\"><figcaption>" + t + "</figcaption></figure>"),
                text.map(t -> "<h2>" + t + "</h2>"),
                text.map(t -> "<ul><li>" + t + "</li><li>" + t + "</li></ul>"),
                text.map(t -> "<table><tr><th>" + t + "</th><td>" + t + "</td></tr></table>"),
                text.map(t -> "<pre><code>" + t + "\n\tindented()</code></pre>"),
                text.map(t -> "<blockquote class=\"pullquote\">" + t + "</blockquote>"),
                text.map(t -> "<script>var x = \"" + t.replace("\"", "") + "\";</script><style>p{}</style>"),
                text.map(t -> "<div class=\"sharedaddy\"><h3>Share this:</h3><a href=\"/share\">" + t + "</a></div>"),
                text.map(t -> "<div id=\"respond\"><h3>Leave a Reply</h3><form><textarea>" + t + "</textarea></form></div>"),
                text.map(t -> "<aside class=\"related-posts\"><h3>Related</h3><a href=\"/r/\">" + t + "</a></aside>"),
                text.map(t -> t));
        // prose is the commonest block of a post
        Arbitrary<String> leaf = Arbitraries.frequencyOf(Tuple.of(leaves.size(), leaves.get(0)),
                Tuple.of(leaves.size(), Arbitraries.oneOf(leaves)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> nested = blocks(depth - 1).list().ofMaxSize(4)
                .map(children -> "<div class=\"entry-content\">" + String.join("", children) + "</div>");
        return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, nested));
    }

    /** Sentences long enough to count as prose, in several scripts. */
    private static Arbitrary<String> prose() {
        return text().list().ofMinSize(3).ofMaxSize(8).map(words -> String.join(", ", words) + ".");
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
                .withCharRange('a', 'z').withChars("     .,'&;<>\"\u0000\u0001\u0007\u001b\u00a0\u00ad\u200b\ufeff\u0301")
                .withCharRange('\u0410', '\u044f')
                .withCharRange('\u0627', '\u064a')
                .withCharRange('\u4e00', '\u4e20');
    }
}
