package org.postbinder.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Token-level precision, recall and F1 of an extracted body against the expected one: both are
 * bags of words with counts, as the public extraction benchmarks score them. Public so that the
 * extraction benchmark scores readability4j with the same measure as Postbinder.
 */
public record BodyScore(double precision, double recall, double f1) {

    public static BodyScore of(List<String> actual, List<String> expected) {
        Map<String, Integer> got = tokens(actual);
        Map<String, Integer> want = tokens(expected);
        int overlap = 0;
        for (Map.Entry<String, Integer> token : got.entrySet()) {
            overlap += Math.min(token.getValue(), want.getOrDefault(token.getKey(), 0));
        }
        int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
        int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
        double precision = gotTotal == 0 ? 0 : (double) overlap / gotTotal;
        double recall = wantTotal == 0 ? 0 : (double) overlap / wantTotal;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BodyScore(precision, recall, f1);
    }

    private static Map<String, Integer> tokens(List<String> paragraphs) {
        Map<String, Integer> counts = new HashMap<>();
        for (String paragraph : paragraphs) {
            for (String token : paragraph.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!token.isEmpty()) {
                    counts.merge(token, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
