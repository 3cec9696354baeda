package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.store.Post;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArchiveWritersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    @Test
    void anEmptyExportIsAHeaderRowAnEmptyArrayAndAVolumeWithCoverAndContents() throws Exception {
        // when
        writeAll(List.of());

        // then
        assertThat(csv()).isEmpty();
        assertThat(JSON.readTree(folder.resolve("posts.json").toFile()).isEmpty()).isTrue();
        try (PdfDocument pdf = pdf()) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(PdfTextExtractor.getTextFromPage(pdf.getPage(1))).contains("Posts: 0");
            assertThat(PdfTextExtractor.getTextFromPage(pdf.getPage(2))).contains("Contents");
        }
    }

    @Test
    void everyFormatReadsBackTheSameTextInAnyScript() throws Exception {
        // given
        List<Post> posts = List.of(
                post("Районные библиотеки переводят фонды в цифру", "«Раньше, чтобы найти заметку, приходилось ехать к нам»."),
                post("Τα θερινά σινεμά της Αθήνας ανοίγουν", "Με την πρώτη ζεστή βδομάδα του Μαΐου."),
                post("Quotes, \"commas\", and a\nnew line", "Café “curly” quotes – and a dash, =SUM(A1) included."));

        // when
        writeAll(posts);

        // then
        List<CSVRecord> rows = csv();
        List<JsonNode> records = JSON.readTree(folder.resolve("posts.json").toFile()).valueStream().toList();
        for (int i = 0; i < posts.size(); i++) {
            assertThat(rows.get(i).get("title")).isEqualTo(posts.get(i).title());
            assertThat(rows.get(i).get("body")).isEqualTo(posts.get(i).body());
            assertThat(rows.get(i).get("tags")).isEqualTo("one | two");
            assertThat(records.get(i).get("title").asString()).isEqualTo(posts.get(i).title());
            assertThat(records.get(i).get("paragraphs").get(1).asString()).isEqualTo(posts.get(i).paragraphs().get(1));
            assertThat(records.get(i).get("contentSha256").asString()).isEqualTo(posts.get(i).contentSha256());
        }
        try (PdfDocument pdf = pdf()) {
            String text = allText(pdf);
            assertThat(text).contains("Районные библиотеки переводят фонды в цифру", "Τα θερινά σινεμά της Αθήνας ανοίγουν",
                    "«Раньше, чтобы найти заметку, приходилось ехать к нам».", "Café “curly” quotes – and a dash");
            assertThat(pdf.getOutlines(false).getAllChildren()).extracting(outline -> outline.getTitle())
                    .containsExactly(posts.stream().map(Post::title).toArray(String[]::new));
            assertThat(PdfTextExtractor.getTextFromPage(pdf.getPage(2))).contains("Contents");
            assertThat(PdfTextExtractor.getTextFromPage(pdf.getPage(pdf.getNumberOfPages())))
                    .contains("page " + pdf.getNumberOfPages() + " of " + pdf.getNumberOfPages());
        }
    }

    @Test
    void aFailedExportLeavesTheJsonUnfinishedRatherThanClosedOverMissingPosts() throws Exception {
        // given
        JsonPostWriter writer = new JsonPostWriter(folder.resolve("posts.json"), JSON);
        writer.open(new ExecutionContext());
        writer.write(Chunk.of(post("First", "Written before the failure.")));

        // when: the step fails, so the file is closed without being finished
        writer.close();

        // then
        assertThatThrownBy(() -> JSON.readTree(folder.resolve("posts.json").toFile())).isInstanceOf(JacksonException.class);
    }

    @Test
    void aFileThatCannotBeFinishedFailsTheStep() {
        // given: the disk fills up as the last file is completed
        ArchiveFileWriter full = new CsvPostWriter(folder.resolve("posts.csv"), CsvOptions.DEFAULTS) {
            @Override
            public void finish() throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        ArchiveWriters writers = new ArchiveWriters(List.of(full));
        writers.open(new ExecutionContext());
        StepExecution step = new StepExecution("exportPostsStep", null);
        step.setStatus(BatchStatus.COMPLETED);

        // when
        var exit = writers.afterStep(step);
        writers.close();

        // then
        assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(exit.getExitCode()).isEqualTo("FAILED");
        assertThat(exit.getExitDescription()).contains("No space left on device");
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsNeutralizedAndStillRoundTrips() throws Exception {
        // given
        Post hostile = post("=HYPERLINK(\"http://x\")", "A paragraph.");
        CsvPostWriter csv = new CsvPostWriter(folder.resolve("posts.csv"), CsvOptions.DEFAULTS);

        // when
        writeWith(csv, List.of(hostile));

        // then
        assertThat(csv()).singleElement().satisfies(row -> {
            assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(row.get("author")).isEqualTo("Anna");
        });
    }

    @Test
    void theJobChoosesTheColumnsTheirOrderAndAByteOrderMark() throws Exception {
        // given
        CsvPostWriter csv = new CsvPostWriter(folder.resolve("posts.csv"), new CsvOptions(List.of("title", "url"), true, false));

        // when
        writeWith(csv, List.of(post("=1+1", "A paragraph.")));

        // then
        byte[] bytes = Files.readAllBytes(folder.resolve("posts.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines()).containsExactly("title,url", "=1+1,https://blog.example/" + "=1+1".hashCode());
    }

    @Test
    void jsonLinesHoldsOneRecordALineInTheOrderOfTheArray() throws Exception {
        // given
        List<Post> posts = List.of(post("One", "First."), post("Два", "Второй."), post("Three", "Third."));

        // when
        writeWith(new JsonLinesPostWriter(folder.resolve("posts.jsonl"), JSON), posts);

        // then
        List<String> lines = Files.readAllLines(folder.resolve("posts.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(line -> JSON.readTree(line).get("title").asString()).containsExactly("One", "Два", "Three");
    }

    @Test
    void jsonCannotBreakOutOfAScriptElementYetReadsBackTheSameText() throws Exception {
        // given: a post about HTML, quoting markup as text, with a line separator that ends a JavaScript string
        String body = "Never paste </script><script>alert('x')</script> & <img src=x onerror=alert(1)> into a page\u2028unescaped.";
        List<Post> posts = List.of(post("<b>Escaping</b> & friends", body));

        // when
        writeWith(new JsonPostWriter(folder.resolve("posts.json"), JSON), posts);
        writeWith(new JsonLinesPostWriter(folder.resolve("posts.jsonl"), JSON), posts);

        // then
        for (String file : List.of("posts.json", "posts.jsonl")) {
            String written = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
            assertThat(written).as(file).doesNotContain("<", ">", "&", "'", "\u2028");
            JsonNode record = file.endsWith(".json") ? JSON.readTree(written).get(0) : JSON.readTree(written);
            assertThat(record.get("title").asString()).isEqualTo("<b>Escaping</b> & friends");
            assertThat(record.get("body").asString()).contains(body);
        }
    }

    private static void writeWith(ArchiveFileWriter writer, List<Post> posts) throws Exception {
        ArchiveWriters writers = new ArchiveWriters(List.of(writer));
        writers.open(new ExecutionContext());
        writers.write(new Chunk<>(posts));
        finish(writers);
        writers.close();
    }

    private void writeAll(List<Post> posts) throws Exception {
        ArchiveWriters writers = new ArchiveWriters(List.of(
                new CsvPostWriter(folder.resolve("posts.csv"), CsvOptions.DEFAULTS),
                new JsonPostWriter(folder.resolve("posts.json"), JSON),
                new PdfVolumeWriter(folder.resolve("volume.pdf"), new PdfVolumeWriter.VolumeInfo("Test volume", "test", "r1"), FigureFiles.NONE)));
        writers.open(new ExecutionContext());
        writers.write(new Chunk<>(posts));
        finish(writers);
        writers.close();
    }

    /** What the export step's afterStep does when the step completed. */
    private static void finish(ArchiveWriters writers) {
        StepExecution step = new StepExecution("exportPostsStep", null);
        step.setStatus(BatchStatus.COMPLETED);
        writers.afterStep(step);
        assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private List<CSVRecord> csv() throws Exception {
        try (Reader reader = Files.newBufferedReader(folder.resolve("posts.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(CsvPostWriter.COLUMNS);
            return parser.getRecords();
        }
    }

    private PdfDocument pdf() throws Exception {
        return new PdfDocument(new PdfReader(folder.resolve("volume.pdf").toString()));
    }

    private static String allText(PdfDocument pdf) {
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(page))).append('\n');
        }
        return text.toString();
    }

    private static Post post(String title, String paragraph) {
        return new Post("https://blog.example/" + title.hashCode(), "https://blog.example/" + title.hashCode(), title,
                "Anna", "2025-04-10T09:00:00+03:00", null, "Blog", "ru", null, null, List.of("one", "two"),
                List.of("Opening paragraph.", paragraph), List.of("A caption."), "2026-01-01T00:00:00Z");
    }
}
