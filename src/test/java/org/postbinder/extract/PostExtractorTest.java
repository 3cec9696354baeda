package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CancellationException;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.postbinder.job.JobDefinition;

class PostExtractorTest {

    @Test
    void aPageThatOnlySaysHowLongAgoItWasPostedIsDatedFromTheFetch() {
        String html = """
                <html lang="en"><head><title>Quay wall repaired | Harbour Notes</title></head><body>
                <article><h1>Quay wall repaired</h1><div class="byline">By Ada Marsh · <span class="date">3 hours ago</span></div>
                <p>The section of the quay wall that collapsed in the February storm has been rebuilt, the harbour master said.</p>
                <p>Boats can moor along the whole length of the wall again from tomorrow morning.</p></article></body></html>""";
        URI url = URI.create("https://harbour.example/2025/04/quay-wall/");

        ExtractedPost post = new PostExtractor().extract(Jsoup.parse(html, url.toString()), url,
                JobDefinition.Extract.generic(), Instant.parse("2025-04-10T14:30:27Z"));

        assertThat(post.publishedAt()).contains("2025-04-10T11:30:00Z");
        assertThat(post.article()).as("a dated page is a post").isTrue();
    }

    @Test
    void readingGivesUpWhenItsThreadIsInterruptedAsTheReadBudgetDoes() {
        // given: an ordinary article, read on a thread that the read budget has interrupted
        String html = """
                <html lang="en"><head><title>Ferry timetable</title></head><body><main><article>
                <h1>Ferry timetable</h1><p>The winter timetable starts on Monday, with the first crossing at 5:40.</p>
                <p>Commuters asked for an earlier boat, and the operator said it would look at it in spring.</p>
                </article></main></body></html>""";
        URI url = URI.create("https://harbour.example/2025/04/ferry/");
        Thread.currentThread().interrupt();

        // when / then
        try {
            assertThatThrownBy(() -> new PostExtractor().extract(Jsoup.parse(html, url.toString()), url,
                    JobDefinition.Extract.generic(), Instant.parse("2025-04-10T14:30:27Z")))
                    .isInstanceOf(CancellationException.class).hasMessage("reading the page was abandoned");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void embedsLeaveThePostAsCaptionsOfTheirOwnOrSayingWhatWasThere() throws Exception {
        Path page = Path.of("src/test/resources/fixtures/extract/embeds-wordpress.html");
        URI url = URI.create("https://harbournotes.example/2025/01/storm-eowyn-harbour-closed/");

        ExtractedPost post = new PostExtractor().extract(Jsoup.parse(page.toFile(), "UTF-8", url.toString()), url,
                JobDefinition.Extract.generic(), Instant.parse("2025-01-25T10:00:00Z"));

        assertThat(post.captions()).containsExactly(
                "Embedded post: Waves over the north pier at high tide this morning. Please stay off the harbour wall, it is"
                        + " not safe. pic.twitter.example/Qm29dLx — Harbour Master (@harbourmaster) January 25, 2025",
                "Spray over the lighthouse at 7:15, filmed from the lifeboat station.",
                "Embedded video: Live camera: the outer harbour",
                "Embedded post: The fish market moved indoors for the day. Business as usual, just drier. A post shared by"
                        + " Quay Fish Market (@quayfish)");
        assertThat(post.paragraphs()).hasSize(4).noneMatch(paragraph -> paragraph.contains("north pier")
                || paragraph.contains("ten years of the harbour ferry") || paragraph.contains("YouTube"));
    }
}
