package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.postbinder.job.JobDefinition;
import org.postbinder.support.Pages;

class PostExtractorExplainTest {

    private final PostExtractor extractor = new PostExtractor();

    @Test
    void namesTheSourceOfEachFieldAndTheElementsThatHeldTheBody() {
        Path page = Pages.testResource("fixtures/html/wordpress/sample-post.html");

        PostExtractor.Explanation explanation = extractor.explain(Pages.parse(page), page.toUri(),
                JobDefinition.Extract.generic(), Pages.FETCHED_AT);

        // the page has no JSON-LD: OpenGraph gives the title and date, and only a rel=author link the author
        assertThat(explanation.fieldSources()).containsEntry("title", "meta og:title")
                .containsEntry("publishedAt", "meta article:published_time (or a like name)")
                .containsEntry("author", "a visible byline")
                .containsEntry("siteName", "meta og:site_name, application-name or publisher")
                .containsEntry("canonicalUrl", "<link rel=canonical>");
        assertThat(explanation.bodyMethod()).isEqualTo("the generic extractor's content scoring");
        assertThat(explanation.bodyElements()).isNotEmpty();
        assertThat(explanation.post()).isEqualTo(extractor.extract(Pages.parse(page), page.toUri(),
                JobDefinition.Extract.generic(), Pages.FETCHED_AT));
    }

    @Test
    void aJobsSelectorsAreNamedAsTheSource() {
        Path page = Pages.testResource("fixtures/html/wordpress/sample-post.html");
        JobDefinition.Extract selectors = new JobDefinition.Extract(Optional.of("h1"), Optional.of(".entry-content"),
                Optional.empty(), Optional.empty(), List.of(), true);

        PostExtractor.Explanation explanation = extractor.explain(Pages.parse(page), page.toUri(), selectors, Pages.FETCHED_AT);

        assertThat(explanation.fieldSources()).containsEntry("title", "the job's title selector");
        assertThat(explanation.bodyMethod()).isEqualTo("the job's body selector .entry-content");
        assertThat(explanation.bodyElements()).hasSize(1).allSatisfy(css -> assertThat(css).contains("entry-content"));
    }
}
