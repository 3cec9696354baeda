package org.postbinder.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.postbinder.extract.BodyScore;
import org.postbinder.support.LabelledPage;
import org.postbinder.support.Pages;

import net.dankito.readability4j.Readability4J;

/**
 * The body precision, recall and F1 of Postbinder and of readability4j on the labelled corpus,
 * scored as {@code ExtractionCorpusTest} scores (token bags, {@link BodyScore}, means per page),
 * so that the benchmark's speeds compare extractors of known quality. A second F1 counts the
 * captions as body on both sides: readability4j leaves captions in its article text, where
 * Postbinder keeps them apart. Printed, never asserted.
 */
final class CorpusScores {

    /** What an extractor gives as the article: its body blocks and, when it tells them apart, the captions. */
    private record Article(List<String> body, List<String> captions) {

        List<String> withCaptions() {
            return concat(body, captions);
        }
    }

    private CorpusScores() {
    }

    static void print(List<LabelledPage> corpus) {
        System.out.printf(Locale.ROOT, "%nbody text on the same %d pages, ExtractionCorpusTest's scorer (means per page)%n",
                corpus.size());
        System.out.printf(Locale.ROOT, "%-28s %6s %6s %6s %18s%n", "", "P", "R", "F1", "F1 with captions");
        print("postbinder", corpus, CorpusScores::postbinder);
        print("readability4j", corpus, CorpusScores::readability);
    }

    private static void print(String extractor, List<LabelledPage> corpus, Function<LabelledPage, Article> reader) {
        List<BodyScore> body = new ArrayList<>();
        List<BodyScore> withCaptions = new ArrayList<>();
        for (LabelledPage page : corpus) {
            Article article = reader.apply(page);
            List<String> expected = page.expectedList("paragraphs");
            body.add(BodyScore.of(article.body(), expected));
            withCaptions.add(BodyScore.of(article.withCaptions(), concat(expected, page.expectedList("captions"))));
        }
        System.out.printf(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f %18.3f%n", extractor, mean(body, BodyScore::precision),
                mean(body, BodyScore::recall), mean(body, BodyScore::f1), mean(withCaptions, BodyScore::f1));
    }

    private static Article postbinder(LabelledPage page) {
        return Pages.archive(page.page()).map(post -> new Article(post.paragraphs(), post.captions()))
                .orElse(new Article(List.of(), List.of()));
    }

    private static Article readability(LabelledPage page) {
        String text = new Readability4J(page.url().toString(), Pages.parse(page.page())).parse().getTextContent();
        return new Article(text == null ? List.of() : List.of(text), List.of());
    }

    private static double mean(List<BodyScore> scores, ToDoubleFunction<BodyScore> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(0);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
