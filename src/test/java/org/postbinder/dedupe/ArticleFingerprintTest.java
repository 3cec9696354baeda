package org.postbinder.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.postbinder.store.Post;
import org.postbinder.support.Pages;

/**
 * Where {@link ArticleFingerprint#THRESHOLD} comes from. The pages under {@code fixtures/dedupe/}
 * (see its README) are read by the real extractor and cleaner: one article and its copies, and
 * different posts of the same site that look alike. The test prints the distance of every pair,
 * and for the pairs that matter how often they fall within each threshold when the shingles are
 * hashed with 1,000 other seeds: one article is one draw of the hash, the seeds show the odds.
 */
class ArticleFingerprintTest {

    private static final String ARTICLE = "article.html";
    /** The same article: AMP, print and wire copies, a re-edit with a correction note. */
    private static final List<String> COPIES = List.of("article-amp.html", "article-print.html", "article-syndicated.html",
            "article-corrected.html");
    /** A copy with 50 words of the republisher's own: 12 bits away with our hash, a known miss. */
    private static final String REPUBLISHED = "article-republished.html";
    /** Different posts that share sentences: a follow-up quoting half the article, two round-ups of one series. */
    private static final List<List<String>> DIFFERENT = List.of(List.of(ARTICLE, "follow-up.html"),
            List.of("article-corrected.html", "follow-up.html"), List.of("roundup-41.html", "roundup-42.html"));
    private static final int SEEDS = 1000;

    private static final Map<String, Post> PAGES = pages();

    @Test
    void copiesOfTheArticleAreWithinTheThresholdAndDifferentPostsBeyondIt() {
        printDistances();
        printOdds();

        for (String copy : COPIES) {
            assertThat(distance(ARTICLE, copy)).as(copy).isLessThanOrEqualTo(ArticleFingerprint.THRESHOLD);
        }
        for (List<String> pair : DIFFERENT) {
            assertThat(distance(pair.get(0), pair.get(1))).as(pair.toString()).isGreaterThan(ArticleFingerprint.THRESHOLD + 5);
        }
        assertThat(distance(ARTICLE, REPUBLISHED)).as("the known miss, still nearer than any different post")
                .isGreaterThan(ArticleFingerprint.THRESHOLD).isLessThan(distance(ARTICLE, "follow-up.html"));
    }

    @Test
    void aTrackingUrlServesTheSamePageAndSoTheSameFingerprint() {
        assertThat(fingerprint(ARTICLE)).isEqualTo(fingerprint(Pages.archive(path(ARTICLE)).orElseThrow()));
    }

    @Test
    void shortBriefsHaveNoFingerprint() {
        assertThat(ArticleFingerprint.of(PAGES.get("brief-fire.html").paragraphs())).isEmpty();
        assertThat(ArticleFingerprint.of(PAGES.get("brief-theft.html").paragraphs())).isEmpty();
    }

    @Test
    void noTwoPagesOfTheExtractionCorpusAreTakenForOneArticle() throws IOException {
        List<ArticleFingerprint> corpus = new ArrayList<>();
        for (String folder : List.of("fixtures/html", "extraction/pages")) {
            try (Stream<Path> files = Files.walk(Pages.testResource(folder))) {
                files.filter(file -> file.toString().endsWith(".html")).sorted()
                        .forEach(file -> Pages.archive(file).flatMap(post -> ArticleFingerprint.of(post.paragraphs()))
                                .ifPresent(corpus::add));
            }
        }
        int nearest = Long.SIZE;
        for (int i = 0; i < corpus.size(); i++) {
            for (int j = i + 1; j < corpus.size(); j++) {
                nearest = Math.min(nearest, corpus.get(i).distance(corpus.get(j)));
            }
        }
        System.out.printf("extraction corpus: %d pages with a fingerprint, the nearest two %d bits apart%n",
                corpus.size(), nearest);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        assertThat(nearest).isGreaterThan(ArticleFingerprint.THRESHOLD + 5);
    }

    @Test
    void nearFingerprintsShareALookupKey() {
        ArticleFingerprint print = fingerprint(ARTICLE);
        long sevenBitsInSevenBands = 0x0001_0101_0101_0101L;

        assertThat(print.bandKeys()).hasSize(ArticleFingerprint.BANDS).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).isBetween(0, ArticleFingerprint.BANDS * 256 - 1));
        assertThat(new ArticleFingerprint(print.bits() ^ sevenBitsInSevenBands).bandKeys())
                .containsAnyElementsOf(print.bandKeys());
        assertThat(new ArticleFingerprint(print.bits() ^ sevenBitsInSevenBands).distance(print)).isEqualTo(7);
    }

    private static void printDistances() {
        List<String> names = List.copyOf(PAGES.keySet());
        System.out.println("SimHash distances (bits) between the fixture pages; '-' where a body is too short:");
        System.out.printf("%-30s%s%n", "", IntStream.rangeClosed(1, names.size()).mapToObj(n -> String.format("%4s", "#" + n))
                .collect(Collectors.joining()));
        for (int row = 0; row < names.size(); row++) {
            Optional<ArticleFingerprint> print = fingerprintOf(names.get(row));
            String cells = names.stream()
                    .map(column -> print.flatMap(a -> fingerprintOf(column).map(a::distance))
                            .map(distance -> String.format("%4d", distance)).orElse("   -"))
                    .collect(Collectors.joining());
            System.out.printf("%-30s%s%n", "#" + (row + 1) + " " + names.get(row), cells);
        }
    }

    private static void printOdds() {
        System.out.printf("Share of %d hash seeds under which a pair is within t bits:%n%-50s", SEEDS, "");
        for (int threshold = 6; threshold <= 14; threshold++) {
            System.out.printf(" t=%-4d", threshold);
        }
        System.out.println();
        List<List<String>> pairs = new ArrayList<>();
        Stream.concat(COPIES.stream(), Stream.of(REPUBLISHED)).forEach(copy -> pairs.add(List.of(ARTICLE, copy)));
        pairs.addAll(DIFFERENT);
        pairs.forEach(pair -> System.out.printf("%-50s%s%n", pair.get(0) + " / " + pair.get(1), odds(pair)));
    }

    private static String odds(List<String> pair) {
        Set<Long> a = shingles(pair.get(0));
        Set<Long> b = shingles(pair.get(1));
        int[] within = new int[Long.SIZE + 1];
        for (long seed = 1; seed <= SEEDS; seed++) {
            within[Long.bitCount(ArticleFingerprint.simhash(reseeded(a, seed)) ^ ArticleFingerprint.simhash(reseeded(b, seed)))]++;
        }
        StringBuilder row = new StringBuilder();
        int count = 0;
        for (int threshold = 0; threshold <= 14; threshold++) {
            count += within[threshold];
            if (threshold >= 6) {
                row.append(String.format(" %5.1f%%", 100.0 * count / SEEDS));
            }
        }
        return row.toString();
    }

    /** The same shingles under another hash function: SplittableRandom mixes the seeded value through all 64 bits. */
    private static Set<Long> reseeded(Set<Long> shingles, long seed) {
        return shingles.stream().map(hash -> new SplittableRandom(hash ^ seed * 0x9E3779B97F4A7C15L).nextLong())
                .collect(Collectors.toSet());
    }

    private static int distance(String a, String b) {
        return fingerprint(a).distance(fingerprint(b));
    }

    private static ArticleFingerprint fingerprint(String page) {
        return fingerprintOf(page).orElseThrow();
    }

    private static ArticleFingerprint fingerprint(Post post) {
        return ArticleFingerprint.of(post.paragraphs()).orElseThrow();
    }

    private static Optional<ArticleFingerprint> fingerprintOf(String page) {
        return ArticleFingerprint.of(PAGES.get(page).paragraphs());
    }

    private static Set<Long> shingles(String page) {
        return Shingles.of(String.join("\n", PAGES.get(page).paragraphs()));
    }

    private static Path path(String page) {
        return Pages.testResource("fixtures/dedupe/" + page);
    }

    private static Map<String, Post> pages() {
        try (Stream<Path> files = Files.list(Pages.testResource("fixtures/dedupe"))) {
            Map<String, Post> pages = new TreeMap<>();
            files.filter(file -> file.toString().endsWith(".html"))
                    .forEach(file -> pages.put(file.getFileName().toString(), Pages.archive(file).orElseThrow()));
            return pages;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
