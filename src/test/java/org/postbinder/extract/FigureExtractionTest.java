package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.postbinder.clean.PostCleaner;
import org.postbinder.job.JobDefinition;
import org.postbinder.store.Post;
import org.postbinder.support.Pages;

/**
 * The images a post keeps: the photos of its body with their captions, at the best size the page
 * offers, and none of the pixels, emoji, avatars and teaser thumbnails around them. Read from the
 * hand-written fixtures under {@code fixtures/figures/} and from the demo site's engines.
 */
class FigureExtractionTest {

    private static final Path DEMO = Path.of("jobs/demo-site");

    @Test
    void wordpressKeepsTheLargestReasonableSizeAndTheLazyLoadedPhotoButNoPixelEmojiOrAvatar() throws IOException {
        // when
        ExtractedPost post = wordpressLazy();

        // then
        String uploads = "https://harbour-notes.example/wp-content/uploads/2025/06/";
        assertThat(post.figures()).extracting(Figure::image, Figure::caption).containsExactly(
                tuple(uploads + "shed-roof-1536x1024.jpg",
                        "Half way: the new sheets go on from the seaward end, overlapping two corrugations."),
                tuple(uploads + "ridge-cap-1024x683.jpg",
                        "The ridge caps went on last, with new foam fillers under each one."));
    }

    @Test
    void eachFigureKeepsItsPlaceAmongTheParagraphsThroughCleaning() throws IOException {
        // when: the page has paragraph, figure, paragraph, figure, paragraph
        ExtractedPost extracted = wordpressLazy();
        Post post = new PostCleaner().clean(extracted, Pages.FETCHED_AT).orElseThrow();

        // then: each stands before the paragraph that follows it on the page
        assertThat(extracted.figures()).extracting(figure -> extracted.paragraphs().get(figure.before()))
                .satisfiesExactly(text -> assertThat(text).startsWith("The new sheets are fibre cement"),
                        text -> assertThat(text).startsWith("All told it took eleven evenings"));
        assertThat(post.figures()).extracting(figure -> post.paragraphs().get(figure.beforeParagraph()))
                .satisfiesExactly(text -> assertThat(text).startsWith("The new sheets are fibre cement"),
                        text -> assertThat(text).startsWith("All told it took eleven evenings"));
    }

    @Test
    void aLeadPhotoInTheHeaderOutsideTheBodyStandsAboveTheText() {
        // when: the news page's lead figure sits in the article header, outside the body container
        Post post = Pages.archive(Pages.testResource("extraction/pages/news/b-regional-ru.html")).orElseThrow();

        // then
        assertThat(post.figures()).isNotEmpty();
        assertThat(post.figures().get(0).beforeParagraph()).isZero();
    }

    @Test
    void ghostKeepsTheFeatureImageAndTheCaptionedCardButNotTheAuthorsPortrait() {
        // when
        Post post = Pages.archive(DEMO.resolve("ghost/quiet-tools/index.html")).orElseThrow();

        // then
        assertThat(post.figures()).extracting(figure -> fileName(figure.image()), Post.Figure::caption).containsExactly(
                tuple("notebook-desk-w1000.jpg", null),
                tuple("notebook-day-90-w1000.jpg",
                        "The notebook on day 90: one page per day, one line per task, nothing else."));
        assertThat(post.captions()).containsExactly(
                "The notebook on day 90: one page per day, one line per task, nothing else.");
    }

    @Test
    void bloggerTakesThePhotoInsideTheSeparatorLinkWithTheTableCaption() {
        // when
        Post post = Pages.archive(DEMO.resolve("blogger/2025/03/first-earlies-in/index.html")).orElseThrow();

        // then: the photo the page shows; the link's full size sits on another host, which the crawl may not reach
        assertThat(post.figures()).singleElement().satisfies(figure -> {
            assertThat(figure.image()).startsWith("file:/").endsWith("/jobs/demo-site/media/blogger/earlies-s400.jpg");
            assertThat(figure.caption()).isEqualTo(
                    "Charlotte seed potatoes chitting on the shed windowsill, three weeks before planting.");
        });
    }

    @Test
    void aFigureCaptionPrintedAgainInTheBodyIsTheCaptionThePostKept() {
        // when
        Post post = Pages.archive(DEMO.resolve("wordpress/2025/04/10/us-russia-delegations-istanbul/index.html")).orElseThrow();

        // then
        assertThat(post.figures()).singleElement().satisfies(figure -> {
            assertThat(fileName(figure.image())).isEqualTo("istanbul-consulate-vehicle-1024x683.jpg");
            assertThat(post.captions()).contains(figure.caption());
        });
    }

    @Test
    void aWebPageCannotMakeTheCrawlReadALocalFile() {
        // given
        URI url = URI.create("https://blog.example/2025/04/notes/");
        String page = "<html><body><article><h1>Notes</h1><p>" + "A paragraph of running text, long enough to be the body. ".repeat(3)
                + "</p><figure><img src=\"file:///etc/passwd\"><figcaption>Not a photo.</figcaption></figure>"
                + "<figure><img src=\"/media/quay.jpg\"><figcaption>The quay.</figcaption></figure></article></body></html>";

        // when
        ExtractedPost post = new PostExtractor().extract(Jsoup.parse(page, url.toString()), url,
                JobDefinition.Extract.generic(), Pages.FETCHED_AT);

        // then
        assertThat(post.figures()).extracting(Figure::image, Figure::caption)
                .containsExactly(tuple("https://blog.example/media/quay.jpg", "The quay."));
    }

    private static ExtractedPost wordpressLazy() throws IOException {
        URI url = URI.create("https://harbour-notes.example/2025/06/reroofing-the-boat-shed/");
        Path page = Pages.testResource("fixtures/figures/wordpress-lazy.html");
        return new PostExtractor().extract(Jsoup.parse(page.toFile(), null, url.toString()), url,
                JobDefinition.Extract.generic(), Pages.FETCHED_AT);
    }

    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
