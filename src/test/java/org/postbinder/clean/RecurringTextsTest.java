package org.postbinder.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

class RecurringTextsTest {

    private static final String PLUG = "Harbour Wire is reader-funded. Become a member for £3 a month and get the tide tables every Friday.";
    private static final String COPYRIGHT = "© 2025 Harbour Wire Media Ltd. All rights reserved.";
    private static final String CREDIT = "Photo: Harbour Wire picture desk / licensed under CC BY 4.0";

    @Test
    void textsOnAtLeastTheShareOfASitesPostsAreFoundWithTheirCounts() {
        // given: 40 posts; the plug on 30, the copyright line on all, a credit caption on 10, a quote on 3
        RecurringTexts texts = new RecurringTexts();
        IntFunction<List<String>> post = n -> {
            List<String> post1 = new ArrayList<>(List.of("Post " + n + " opens with its own sentence about the tide.",
                    "And goes on, in post " + n + ", to the ferry timetable and the winter cuts."));
            if (n < 30) {
                post1.add(PLUG);
            }
            if (n % 4 == 0) {
                post1.add(CREDIT);
            }
            if (n < 3) {
                post1.add("“We will not close the quay,” the harbour master told the council.");
            }
            post1.add(COPYRIGHT);
            return post1;
        };

        // when
        twoPasses(texts, "harbour-wire.example", 40, post);

        // then
        assertThat(texts.onAtLeast(0.3, 5)).containsExactly(
                new RecurringTexts.Recurring("harbour-wire.example", COPYRIGHT, 40, 40),
                new RecurringTexts.Recurring("harbour-wire.example", PLUG, 30, 40));
        assertThat(texts.onAtLeast(0.25, 5)).extracting(RecurringTexts.Recurring::text).contains(CREDIT);
    }

    @Test
    void eachSiteIsCountedOnItsOwnAndASmallSiteNeedsTheLeastNumberOfPosts() {
        RecurringTexts texts = new RecurringTexts();
        twoPasses(texts, "big.example", 20, n -> List.of("Big post " + n + " has a body of its own, unlike the others.", PLUG));
        twoPasses(texts, "small.example", 4, n -> List.of("Small post " + n + " has a body of its own, unlike the others.", PLUG));

        assertThat(texts.onAtLeast(0.3, 5)).extracting(RecurringTexts.Recurring::site).containsExactly("big.example");
    }

    @Test
    void aTextThatRepeatsWithinOnePostCountsOnceAndShortLabelsNeverCount() {
        RecurringTexts texts = new RecurringTexts();
        twoPasses(texts, "blog.example", 10, n -> n < 2 ? List.of(PLUG, PLUG, PLUG, "Conclusion") : List.of("Conclusion",
                "Post " + n + " is about something else entirely, at some length."));

        assertThat(texts.onAtLeast(0.3, 2)).isEmpty();
    }

    @Test
    void aRecurringTextIsFoundAmongFarMoreDistinctParagraphsThanTheFirstPassKeepsCounters() {
        // given: 300 posts of 40 paragraphs of their own (12,000 distinct texts for 2,048 counters), the plug on a third
        RecurringTexts texts = new RecurringTexts();
        twoPasses(texts, "long-reads.example", 300, n -> {
            List<String> post = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                post.add("Post " + n + ", paragraph " + i + ", says something nobody else says.");
                if (i == 20 && n % 3 == 0) {
                    post.add(PLUG);
                }
            }
            return post;
        });

        assertThat(texts.onAtLeast(0.3, 5)).containsExactly(new RecurringTexts.Recurring("long-reads.example", PLUG, 100, 300));
    }

    @Test
    void theSiteIsTheHostOfTheCanonicalUrl() {
        assertThat(RecurringTexts.siteOf("https://Blog.Example:8443/2025/04/post/")).isEqualTo("blog.example");
    }

    private static void twoPasses(RecurringTexts texts, String site, int posts, IntFunction<List<String>> post) {
        for (int n = 0; n < posts; n++) {
            texts.countCandidates(site, post.apply(n));
        }
        for (int n = 0; n < posts; n++) {
            texts.countExactly(site, post.apply(n));
        }
    }
}
