package org.postbinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.export.ArchivePublisher;
import org.postbinder.export.CsvPostWriter;
import org.postbinder.support.Launcher;
import org.postbinder.support.PdfA;
import org.postbinder.support.PdfImages;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutline;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled demo job through the real launcher, in its own JVM: {@code run jobs/demo.yml}. The
 * archive it publishes is read back with the real readers: Commons CSV, Jackson and iText.
 */
class DemoJobIT {

    private static final String RUN = "it-demo";
    private static final String SAMPLE_CAPTION = "A vehicle carrying a US marking arrived at the Russian Consulate, and the US"
            + " and Russian delegations met for the second time to discuss the operation to stabilize bilateral embassy,"
            + " in Istanbul, Turkey, April 10, 2025.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    static Launcher launcher;
    static Launcher.Result result;
    static Path archive;
    static List<JsonNode> expectedPosts;

    @BeforeAll
    static void runTheDemoJob() throws Exception {
        launcher = new Launcher(home);
        result = launcher.run(Duration.ofMinutes(3), "run", "jobs/demo.yml", "--run-id", RUN);
        archive = launcher.output().resolve("demo").resolve(RUN);
        expectedPosts = JSON.readTree(Path.of("src/test/resources/fixtures/expected/demo-posts.json").toFile())
                .valueStream().toList();
    }

    @Test
    void completesAndPrintsASummaryWithTheFilesWritten() {
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Run " + RUN + " of job demo: COMPLETED")
                .contains("posts stored     " + expectedPosts.size())
                // the posts, three listing pages, the About page, the sitemap and the feed
                .contains("fetched          " + (expectedPosts.size() + 6))
                .contains("skipped          0")
                .contains(archive.toAbsolutePath().toString())
                .contains("posts.csv", "posts.json", "demo-" + RUN + ".pdf", "manifest.json");
    }

    @Test
    void runningTheSameRunAgainChangesNothingAndSaysItCompletedAlready() throws Exception {
        String manifest = Files.readString(archive.resolve("manifest.json"));

        Launcher.Result again = launcher.run(Duration.ofMinutes(1), "run", "jobs/demo.yml", "--run-id", RUN);

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("run " + RUN + " of job demo completed already; nothing to do")
                .contains("Run " + RUN + " of job demo: COMPLETED");
        assertThat(Files.readString(archive.resolve("manifest.json"))).isEqualTo(manifest);
    }

    @Test
    void publishesExactlyTheArchiveFilesAndNoStagingFolder() throws Exception {
        try (Stream<Path> files = Files.list(archive); Stream<Path> jobFolder = Files.list(archive.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("posts.csv", "posts.json",
                    "posts.jsonl", "post-record-3.schema.json", "demo-" + RUN + ".pdf", "manifest.json");
            assertThat(jobFolder.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(RUN, "media");
        }
    }

    @Test
    void csvParsesBackWithOneRowPerPost() throws Exception {
        List<CSVRecord> rows = csvRows();

        assertThat(rows).hasSize(expectedPosts.size());
        assertThat(rows).extracting(row -> row.get("title"))
                .containsExactlyInAnyOrderElementsOf(expectedPosts.stream().map(post -> post.get("title").asString()).toList());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("contentSha256")).hasSize(64);
            assertThat(row.get("body")).isNotBlank();
        });
    }

    @Test
    void jsonParsesBackWithEveryRecordField() throws Exception {
        List<JsonNode> posts = jsonPosts();

        assertThat(posts).hasSize(expectedPosts.size());
        assertThat(posts).allSatisfy(post -> assertThat(post.propertyNames()).contains("url", "canonicalUrl", "title",
                "author", "publishedAt", "siteName", "language", "paragraphs", "body", "captions", "tags", "wordCount",
                "fetchedAt", "contentSha256"));
        assertThat(posts).allSatisfy(post -> assertThat(post.get("body").asString())
                .isEqualTo(String.join("\n\n", post.get("paragraphs").valueStream().map(JsonNode::asString).toList())));
        assertThat(posts.stream().map(post -> post.get("title").asString()).toList())
                .isEqualTo(csvRows().stream().map(row -> row.get("title")).toList());
    }

    @Test
    void everyRecordValidatesAgainstThePublishedSchemaAndABrokenOneDoesNot() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JSON.readTree(archive.resolve("post-record-3.schema.json").toFile()));

        assertThat(jsonPosts()).isNotEmpty().allSatisfy(post -> assertThat(schema.validate(post)).isEmpty());
        ObjectNode broken = (ObjectNode) jsonPosts().get(0).deepCopy();
        broken.put("wordCount", "many");
        broken.remove("contentSha256");
        assertThat(schema.validate(broken)).as("the validator is really checking").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyRecordHasExactlyTheFieldsItsSchemaDeclaresAndJsonLinesMatchesTheArray() throws Exception {
        JsonNode schema = JSON.readTree(archive.resolve("post-record-3.schema.json").toFile());
        List<String> required = schema.get("required").valueStream().map(JsonNode::asString).toList();
        List<String> lines = Files.readAllLines(archive.resolve("posts.jsonl"), StandardCharsets.UTF_8);

        assertThat(jsonPosts()).allSatisfy(post ->
                assertThat(post.propertyNames()).containsExactlyInAnyOrderElementsOf(required));
        assertThat(lines.stream().map(JSON::readTree).toList()).isEqualTo(jsonPosts());
    }

    @Test
    void theSamplePostKeepsItsCaptionOnceAndLosesTheFurniture() throws Exception {
        JsonNode sample = jsonPosts().stream()
                .filter(post -> post.get("title").asString().startsWith("US, Russia delegations arrive"))
                .findFirst().orElseThrow();

        assertThat(sample.get("captions").valueStream().map(JsonNode::asString)).containsExactly(SAMPLE_CAPTION);
        List<String> paragraphs = sample.get("paragraphs").valueStream().map(JsonNode::asString).toList();
        assertThat(paragraphs).doesNotContain(SAMPLE_CAPTION);
        assertThat(paragraphs.get(0)).startsWith("Istanbul:");
        assertThat(paragraphs).noneMatch(paragraph -> paragraph.equals("Blog"));
        assertThat(sample.get("body").asString())
                .doesNotContainIgnoringCase("LEAVE A RESPONSE")
                .doesNotContain("Your email address will not be published");
        assertThat(sample.get("publishedAt").asString()).isEqualTo("2025-04-10T14:32:00+03:00");
    }

    @Test
    void pdfHasEveryTitleAndOneBookmarkPerPost() throws Exception {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(archive.resolve("demo-" + RUN + ".pdf").toString()))) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(page))).append('\n');
            }
            String all = text.toString().replaceAll("\\s+", " ");
            for (JsonNode post : expectedPosts) {
                assertThat(all).contains(post.get("title").asString());
            }
            assertThat(all).contains("Contents", "page 2 of " + pdf.getNumberOfPages());
            assertThat(pdf.getOutlines(false).getAllChildren()).hasSize(expectedPosts.size());
            assertThat(pdf.getNumberOfPages()).isGreaterThan(expectedPosts.size());
        }
    }

    @Test
    void theVolumeShowsThePhotosOfTheDemoPostsFetchedFromDisk() throws Exception {
        // every figure of the demo posts in the body has a photo under jobs/demo-site/media/
        assertThat(result.output()).contains("images           11 stored, 0 skipped");
        assertThat(PdfImages.count(archive.resolve("demo-" + RUN + ".pdf"))).isEqualTo(11);
        assertThat(jsonPosts()).filteredOn(post -> post.get("title").asString().startsWith("US, Russia delegations arrive"))
                .singleElement().satisfies(post -> assertThat(post.get("figures").get(0).get("caption").asString())
                        .isEqualTo(SAMPLE_CAPTION));
    }

    @Test
    void thePdfVolumeIsValidPdfA2u() throws Exception {
        assertThat(PdfA.violations(archive.resolve("demo-" + RUN + ".pdf"), "2u")).isEmpty();
    }

    @Test
    void eachBookmarkAndEachContentsEntryLeadsToItsPost() throws Exception {
        Map<String, String> firstParagraphs = jsonPosts().stream().collect(Collectors.toMap(
                post -> post.get("title").asString(), post -> post.get("paragraphs").get(0).asString()));
        try (PdfDocument pdf = new PdfDocument(new PdfReader(archive.resolve("demo-" + RUN + ".pdf").toString()))) {
            for (PdfOutline bookmark : pdf.getOutlines(false).getAllChildren()) {
                PdfArray target = (PdfArray) bookmark.getDestination().getPdfObject();
                int number = pdf.getPageNumber((PdfDictionary) target.get(0));
                assertThat(pageText(pdf, number)).as("page of bookmark " + bookmark.getTitle()).contains(bookmark.getTitle());
                // the post's photos come before its text, and may push the first paragraph to the next page
                assertThat(pageText(pdf, number) + pageText(pdf, number + 1)).as("post of bookmark " + bookmark.getTitle())
                        .contains(firstWords(firstParagraphs.get(bookmark.getTitle())));
            }
            Matcher entry = Pattern.compile("(?m)^(.+?) (\\d+)$").matcher(PdfTextExtractor.getTextFromPage(pdf.getPage(2)));
            int entries = 0;
            while (entry.find()) {
                if (firstParagraphs.containsKey(entry.group(1).strip())) {
                    entries++;
                    int number = Integer.parseInt(entry.group(2));
                    assertThat(pageText(pdf, number)).contains(entry.group(1).strip());
                    assertThat(pageText(pdf, number) + pageText(pdf, number + 1))
                            .contains(firstWords(firstParagraphs.get(entry.group(1).strip())));
                }
            }
            assertThat(entries).as("contents entries with page numbers").isEqualTo(expectedPosts.size());
        }
    }

    private static String pageText(PdfDocument pdf, int page) {
        return PdfTextExtractor.getTextFromPage(pdf.getPage(page)).replaceAll("\\s+", " ");
    }

    private static String firstWords(String paragraph) {
        String[] words = paragraph.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length)));
    }

    @Test
    void manifestCountsAndChecksumsAgreeWithTheFiles() throws Exception {
        JsonNode manifest = JSON.readTree(archive.resolve("manifest.json").toFile());

        assertThat(manifest.get("job").asString()).isEqualTo("demo");
        assertThat(manifest.get("run").asString()).isEqualTo(RUN);
        assertThat(manifest.get("parameters").get("job").asString()).isEqualTo("demo");
        assertThat(manifest.get("parameters").get("jobFile").asString()).endsWith("jobs/demo.yml");
        assertThat(manifest.get("startedAt").asString()).isNotBlank();
        assertThat(manifest.get("counts").get("exported").asInt()).isEqualTo(expectedPosts.size());
        assertThat(manifest.get("counts").get("stored").asInt()).isEqualTo(expectedPosts.size());
        assertThat(manifest.get("skipped").size()).isZero();
        List<String> names = new ArrayList<>();
        for (JsonNode file : manifest.get("files")) {
            Path path = archive.resolve(file.get("name").asString());
            names.add(file.get("name").asString());
            assertThat(file.get("bytes").asLong()).isEqualTo(Files.size(path));
            assertThat(file.get("sha256").asString()).isEqualTo(ArchivePublisher.sha256(path));
        }
        assertThat(names).containsExactlyInAnyOrder("posts.csv", "posts.json", "posts.jsonl", "post-record-3.schema.json",
                "demo-" + RUN + ".pdf");
        assertThat(manifest.get("recordSchema").asString()).isEqualTo("post-record-3.schema.json");
    }

    private static List<CSVRecord> csvRows() throws Exception {
        try (Reader reader = Files.newBufferedReader(archive.resolve("posts.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(CsvPostWriter.COLUMNS);
            return parser.getRecords();
        }
    }

    private static List<JsonNode> jsonPosts() {
        return JSON.readTree(archive.resolve("posts.json").toFile()).valueStream().toList();
    }
}
