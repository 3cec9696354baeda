package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.Launcher;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;

/** The same store exported twice gives byte-identical CSV and JSON, and PDFs with the same text. */
class DeterministicExportIT {

    @TempDir
    Path home;

    @Test
    void exportingTheSameStoreTwiceGivesTheSameFiles() throws Exception {
        // given: the demo crawled once
        Launcher launcher = new Launcher(home);
        assertThat(launcher.run(Duration.ofMinutes(2), "crawl", "jobs/demo.yml", "--run-id", "crawl").exitCode()).isZero();

        // when: two exports of the same store
        assertThat(launcher.run(Duration.ofMinutes(2), "export", "jobs/demo.yml", "--run-id", "first").exitCode()).isZero();
        assertThat(launcher.run(Duration.ofMinutes(2), "export", "jobs/demo.yml", "--run-id", "second").exitCode()).isZero();

        // then
        Path first = launcher.output().resolve("demo/first");
        Path second = launcher.output().resolve("demo/second");
        for (String file : new String[] {"posts.csv", "posts.json", "posts.jsonl", "post-record-3.schema.json"}) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        // the cover names its run; everything else reads the same
        assertThat(pdfText(second.resolve("demo-second.pdf")).replace("Run: second", "Run: …"))
                .isEqualTo(pdfText(first.resolve("demo-first.pdf")).replace("Run: first", "Run: …"));
    }

    private static String pdfText(Path file) throws Exception {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(file.toString()))) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(page))).append('\n');
            }
            return text.toString();
        }
    }
}
