package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.postbinder.store.Post;
import org.postbinder.support.LabelledPage;
import org.postbinder.support.Pages;

import tools.jackson.databind.JsonNode;

/**
 * The extraction benchmark of the project: every hand-labelled page (the strict fixtures under
 * {@code fixtures/html/} and the corpus under {@code extraction/pages/}) scored as the public
 * benchmarks score extractors: token-level precision, recall and F1 of the body (bags of words with
 * counts), exact-match rates of title, author and date (same instant and offset), and the
 * precision and recall of captions (each caption once, none lost). It prints one row per page and
 * the means, and fails when a mean drops below its floor: the level reached so far, to be raised
 * as the extractor improves, never lowered to make a change pass.
 */
class ExtractionCorpusTest {

    static final int MIN_PAGES = 40;
    // measured on 2026-12-01 over 40 pages: body P 0.985 R 0.995 F1 0.990; title 1.000, author 0.975,
    // date 1.000; captions precision 1.000, recall 0.976 (embeds kept as placeholder captions)
    static final double FLOOR_BODY_F1 = 0.988;
    static final double FLOOR_TITLE = 1.0;
    static final double FLOOR_AUTHOR = 0.97;
    static final double FLOOR_DATE = 1.0;
    /** Pages without a dateline must get none: a dateline taken from a page that has none is a miss. */
    static final double FLOOR_DATELINE = 1.0;
    static final double FLOOR_CAPTION_PRECISION = 1.0;
    static final double FLOOR_CAPTION_RECALL = 0.97;

    /** How one page scored. */
    private record Score(String name, BodyScore body, boolean title, boolean author, boolean date, boolean dateline,
                         int captionsFound, int captionsRight, int captionsExpected) {}

    @Test
    void theCorpusScoresAtLeastItsFloors() throws IOException {
        List<Score> scores = LabelledPage.corpus().stream().map(ExtractionCorpusTest::score).toList();
        print(scores);

        assertThat(scores).as("labelled pages").hasSizeGreaterThanOrEqualTo(MIN_PAGES);
        assertThat(mean(scores, score -> score.body().f1())).as("mean body F1").isGreaterThanOrEqualTo(FLOOR_BODY_F1);
        assertThat(rate(scores, Score::title)).as("title exact").isGreaterThanOrEqualTo(FLOOR_TITLE);
        assertThat(rate(scores, Score::author)).as("author exact").isGreaterThanOrEqualTo(FLOOR_AUTHOR);
        assertThat(rate(scores, Score::date)).as("date exact").isGreaterThanOrEqualTo(FLOOR_DATE);
        assertThat(rate(scores, Score::dateline)).as("dateline exact").isGreaterThanOrEqualTo(FLOOR_DATELINE);
        assertThat(captionPrecision(scores)).as("caption precision").isGreaterThanOrEqualTo(FLOOR_CAPTION_PRECISION);
        assertThat(captionRecall(scores)).as("caption recall").isGreaterThanOrEqualTo(FLOOR_CAPTION_RECALL);
    }

    private static Score score(LabelledPage labelled) {
        JsonNode expected = labelled.expected();
        Optional<Post> extracted = Pages.archive(labelled.page());
        String name = labelled.page().getFileName().toString();
        List<String> wantedCaptions = labelled.expectedList("captions");
        if (extracted.isEmpty()) {
            return new Score(name, BodyScore.of(List.of(), labelled.expectedList("paragraphs")), false, false, false,
                    false, 0, 0, wantedCaptions.size());
        }
        Post post = extracted.get();
        return new Score(name,
                BodyScore.of(post.paragraphs(), labelled.expectedList("paragraphs")),
                Objects.equals(post.title(), text(expected, "title")),
                Objects.equals(post.author(), text(expected, "author")),
                sameDate(post.publishedAt(), text(expected, "publishedAt")),
                Objects.equals(post.dateline(), text(expected, "dateline")),
                post.captions().size(), overlap(post.captions(), wantedCaptions), wantedCaptions.size());
    }

    private static String text(JsonNode expected, String field) {
        JsonNode value = expected.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The same instant with the same offset: a date moved to UTC or stripped of its offset is wrong. */
    private static boolean sameDate(String actual, String expected) {
        if (actual == null || expected == null) {
            return actual == null && expected == null;
        }
        try {
            OffsetDateTime got = OffsetDateTime.parse(actual);
            OffsetDateTime want = OffsetDateTime.parse(expected);
            return got.isEqual(want) && got.getOffset().equals(want.getOffset());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Captions found that were expected, each expected caption counted once. */
    private static int overlap(List<String> found, List<String> expected) {
        Map<String, Integer> left = new HashMap<>();
        expected.forEach(caption -> left.merge(caption, 1, Integer::sum));
        int right = 0;
        for (String caption : found) {
            if (left.getOrDefault(caption, 0) > 0) {
                left.merge(caption, -1, Integer::sum);
                right++;
            }
        }
        return right;
    }

    private static double mean(List<Score> scores, java.util.function.ToDoubleFunction<Score> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(0);
    }

    private static double rate(List<Score> scores, java.util.function.Predicate<Score> hit) {
        return scores.isEmpty() ? 0 : (double) scores.stream().filter(hit).count() / scores.size();
    }

    private static double captionPrecision(List<Score> scores) {
        int found = scores.stream().mapToInt(Score::captionsFound).sum();
        return found == 0 ? 1 : (double) scores.stream().mapToInt(Score::captionsRight).sum() / found;
    }

    private static double captionRecall(List<Score> scores) {
        int expected = scores.stream().mapToInt(Score::captionsExpected).sum();
        return expected == 0 ? 1 : (double) scores.stream().mapToInt(Score::captionsRight).sum() / expected;
    }

    private static void print(List<Score> scores) {
        System.out.printf(Locale.ROOT, "%-44s %6s %6s %6s  %-5s %-6s %-4s %-8s %s%n", "page", "P", "R", "F1", "title",
                "author", "date", "dateline", "captions right/found/expected");
        for (Score score : scores) {
            System.out.printf(Locale.ROOT, "%-44s %6.3f %6.3f %6.3f  %-5s %-6s %-4s %-8s %d/%d/%d%n", score.name(),
                    score.body().precision(), score.body().recall(), score.body().f1(), mark(score.title()),
                    mark(score.author()), mark(score.date()), mark(score.dateline()), score.captionsRight(), score.captionsFound(),
                    score.captionsExpected());
        }
        System.out.printf(Locale.ROOT, "%d pages: mean body P %.3f R %.3f F1 %.3f; title %.3f, author %.3f, date %.3f, "
                        + "dateline %.3f; captions precision %.3f recall %.3f%n", scores.size(),
                mean(scores, score -> score.body().precision()), mean(scores, score -> score.body().recall()),
                mean(scores, score -> score.body().f1()), rate(scores, Score::title), rate(scores, Score::author),
                rate(scores, Score::date), rate(scores, Score::dateline), captionPrecision(scores), captionRecall(scores));
    }

    private static String mark(boolean hit) {
        return hit ? "yes" : "NO";
    }
}
