package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.postbinder.job.JobDefinition;
import org.postbinder.support.Pages;

import tools.jackson.databind.json.JsonMapper;

/** Detecting a post's language from its text, on the pages of the extraction corpus. */
class PostLanguageTest {

    private static final PostExtractor EXTRACTOR = new PostExtractor();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyCorpusPageIsDetectedInItsLanguageFromTheTextAlone() throws IOException {
        Map<String, String> detected = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        for (Path page : corpus()) {
            String name = page.getFileName().toString().replace(".html", "");
            expected.put(name, expectation(page).orElseThrow());
            String text = String.join("\n", Pages.extract(page).paragraphs());
            detected.put(name, TextLanguage.likeliest(text).map(guess -> guess.language() + " " + guess.probability())
                    .orElse("none"));
        }
        detected.forEach((page, guess) -> System.out.printf("%-34s expected %s, detected %s%n", page, expected.get(page), guess));

        assertThat(detected).hasSizeGreaterThanOrEqualTo(40).allSatisfy((page, guess) -> {
            assertThat(guess).as(page).startsWith(expected.get(page) + " ");
            assertThat(Double.parseDouble(guess.split(" ")[1])).as(page).isGreaterThanOrEqualTo(PostLanguage.MIN_PROBABILITY);
        });
        assertThat(expected.values()).contains("ru", "de", "tr", "ar", "zh", "ja", "el", "es", "en");
    }

    @Test
    void aRussianPostThatItsThemeDeclaresEnglishIsRussianAndExplainSaysWhy() {
        PostExtractor.Explanation read = explain("fixtures/html/news/moscow-ru.html", html -> html.replace("lang=\"ru\"", "lang=\"en\""));

        assertThat(read.post().language()).contains("ru");
        assertThat(read.fieldSources().get("language")).startsWith("detected from the text (").endsWith("; the page declared en)");
    }

    @Test
    void aPageThatDeclaresNoLanguageGetsTheOneOfItsText() {
        PostExtractor.Explanation read = explain("extraction/pages/ghost/b-dawn-balkon-tr.html",
                html -> html.replaceAll("\\slang=\"[^\"]*\"", "").replaceAll("<meta[^>]+(og:locale|inLanguage)[^>]*>", "")
                        .replaceAll("\"inLanguage\"\\s*:\\s*\"[^\"]*\",?", ""));

        assertThat(read.post().language()).contains("tr");
        assertThat(read.fieldSources().get("language")).startsWith("detected from the text (");
    }

    @Test
    void aDeclarationTheTextAgreesWithIsKeptAsTheSource() {
        PostExtractor.Explanation read = explain("extraction/pages/news/b-shinano-rail-ja.html", html -> html);

        assertThat(read.post().language()).contains("ja");
        assertThat(read.fieldSources().get("language")).doesNotStartWith("detected");
    }

    @Test
    void shortTextsAndLanguagesTheDetectorDoesNotKnowKeepTheirDeclaration() {
        FieldSources sources = new FieldSources();

        // eight characters: the detector says Korean, sure of it
        assertThat(TextLanguage.likeliest("冬季渡轮班次减少").map(TextLanguage.Guess::language)).contains("ko");
        assertThat(PostLanguage.of(Optional.of("zh"), List.of("冬季渡轮班次减少"), sources)).contains("zh");
        assertThat(PostLanguage.of(Optional.empty(), List.of("冬季渡轮班次减少"), sources)).isEmpty();
        String english = String.join("\n", Pages.extract(Pages.testResource("fixtures/dedupe/article.html")).paragraphs());
        assertThat(PostLanguage.of(Optional.of("eo"), List.of(english), sources)).contains("eo");
        assertThat(sources.chosen()).isEmpty();
    }

    private static PostExtractor.Explanation explain(String resource, java.util.function.UnaryOperator<String> edit) {
        try {
            Path file = Pages.testResource(resource);
            URI url = file.toAbsolutePath().toUri();
            String html = edit.apply(Files.readString(file, StandardCharsets.UTF_8));
            return EXTRACTOR.explain(Jsoup.parse(html, url.toString()), url, JobDefinition.Extract.generic(), Pages.FETCHED_AT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> fixtures = Files.walk(Pages.testResource("fixtures/html"));
             Stream<Path> pages = Files.walk(Pages.testResource("extraction/pages"))) {
            return Stream.concat(fixtures, pages).filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Optional<String> expectation(Path page) {
        String name = page.getFileName().toString().replace(".html", ".json");
        return Stream.of("fixtures/expected/extract/" + name, "extraction/expected/" + name)
                .map(Pages::testResource).filter(Files::exists).findFirst()
                .map(file -> JSON.readTree(file.toFile()).get("language").asString());
    }
}
