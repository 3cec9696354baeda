package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.store.Post;
import org.postbinder.support.PdfA;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfOutline;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;

/** The PDF volume as an archive keeps it: PDF/A-2u by veraPDF, and every script readable. */
class PdfVolumeWriterTest {

    static final String ARABIC = "افتتحت المكتبة العامة في المدينة قاعة جديدة للقراءة بعد عامين من أعمال الترميم";
    static final String CHINESE = "港口的早市今年四月重新开放，渔民和农民带来了新鲜的鱼和蔬菜。";
    static final String JAPANESE = "港の朝市が冬の休みを終えて今月から再開しました。";
    static final String RUSSIAN = "Районные библиотеки переводят фонды в цифру: что изменится для читателей";
    static final String GREEK = "Τα θερινά σινεμά της Αθήνας ανοίγουν με την πρώτη ζεστή βδομάδα του Μαΐου.";
    static final String HEBREW = "הספרייה העירונית נפתחה מחדש אחרי שיפוץ של שנתיים";

    @TempDir
    Path folder;

    @Test
    void aVolumeInEveryScriptIsValidPdfA2uAndReadsBack() throws Exception {
        // given
        List<Post> posts = List.of(
                post("Harbour ferry timetable cut for the winter", "The first crossing now leaves at 5:40 — "
                        + "commuters are not pleased 🙁 (emoji have no glyph in the bundled fonts)."),
                post(RUSSIAN, "«Раньше, чтобы найти заметку, приходилось ехать к нам», — говорит библиотекарь."),
                post(GREEK, GREEK),
                post("المكتبة العامة تفتح قاعة القراءة", ARABIC + ". " + ARABIC + ". " + ARABIC + "."),
                post("港口早市重新开放", CHINESE),
                post("港の朝市、今年も四月から再開", JAPANESE),
                post("הספרייה נפתחה מחדש", HEBREW));

        // when
        Path volume = write(posts);

        // then
        assertThat(PdfA.violations(volume, "2u")).isEmpty();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(volume.toString()))) {
            String text = allText(pdf);
            assertThat(text).contains(RUSSIAN, GREEK, "港口的早市今年四月重新开放", JAPANESE,
                    "Harbour ferry timetable cut for the winter");
            assertThat(logical(text)).as("Arabic and Hebrew, once read back in logical order")
                    .contains("المكتبة العامة تفتح قاعة القراءة", "الترميم", "הספרייה העירונית נפתחה מחדש");
            assertThat(pdf.getOutlines(false).getAllChildren()).hasSize(posts.size());
            assertThat(pdf.getDocumentInfo().getTitle()).isEqualTo("Scripts — r1");
            assertThat(pdf.getDocumentInfo().getKeywords()).isEqualTo("Blog");
        }
    }

    @Test
    void manyPostsAreGroupedByMonthInTheOutline() throws Exception {
        // given: 60 posts, 20 in each of three months, in archive order
        List<Post> posts = java.util.stream.IntStream.range(0, 60)
                .mapToObj(n -> dated("Harbour notes, part " + n, String.format("2025-%02d-%02dT09:00:00+01:00", 3 + n / 20, 1 + n % 20)))
                .toList();

        // when
        Path volume = write(posts);

        // then
        try (PdfDocument pdf = new PdfDocument(new PdfReader(volume.toString()))) {
            List<PdfOutline> months = pdf.getOutlines(false).getAllChildren();
            assertThat(months).extracting(PdfOutline::getTitle).containsExactly("March 2025", "April 2025", "May 2025");
            assertThat(months).allSatisfy(month -> assertThat(month.getAllChildren()).hasSize(20));
            assertThat(months.get(1).getAllChildren().get(0).getTitle()).isEqualTo("Harbour notes, part 20");
        }
        assertThat(PdfA.violations(volume, "2u")).isEmpty();
    }

    @Test
    void theEmptyVolumeIsValidPdfA2uToo() throws Exception {
        assertThat(PdfA.violations(write(List.of()), "2u")).isEmpty();
    }

    private Path write(List<Post> posts) throws Exception {
        Path file = folder.resolve("volume.pdf");
        PdfVolumeWriter writer = new PdfVolumeWriter(file, new PdfVolumeWriter.VolumeInfo("Scripts", "scripts", "r1"), FigureFiles.NONE);
        writer.open(new ExecutionContext());
        writer.write(new Chunk<>(posts));
        writer.finish();
        writer.close();
        return file;
    }

    @Test
    void activeContentInAPostStaysTextAndTheVolumeHasNoScriptsOrActions() throws Exception {
        // given: a post whose text carries markup, script and links that would act if they were live
        Post hostile = new Post("javascript:alert(1)", "https://blog.example/x", "<script>alert('title')</script>", "Anna",
                "2025-04-10T09:00:00+03:00", null, "Blog", null, null, "file:///etc/passwd", List.of("one"),
                List.of("Click <a href=\"javascript:alert(2)\">here</a> or run /Launch /F (calc.exe) now.",
                        "<< /S /JavaScript /JS (app.alert(3)) >>"),
                List.of("<img src=x onerror=alert(4)>"), "2026-01-01T00:00:00Z");

        // when
        Path volume = write(List.of(hostile));

        // then: the text is there as text, and no object in the file is a script, an action or a trigger
        assertThat(PdfA.violations(volume, "2u")).isEmpty();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(volume.toString()))) {
            assertThat(allText(pdf)).contains("<script>alert('title')</script>", "/Launch /F (calc.exe)", "/S /JavaScript /JS");
            assertThat(pdf.getCatalog().getPdfObject().get(PdfName.OpenAction)).isNull();
            assertThat(pdf.getCatalog().getPdfObject().get(PdfName.AA)).isNull();
            PdfDictionary names = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.Names);
            assertThat(names == null ? null : names.get(PdfName.JavaScript)).isNull();
            for (int number = 1; number < pdf.getNumberOfPdfObjects(); number++) {
                PdfObject object = pdf.getPdfObject(number);
                if (object instanceof PdfDictionary dictionary) {
                    assertThat(dictionary.keySet()).as("object %d", number).doesNotContain(PdfName.JS, PdfName.AA);
                    assertThat(dictionary.get(PdfName.S)).as("object %d", number)
                            .isNotIn(PdfName.JavaScript, PdfName.Launch, PdfName.SubmitForm, PdfName.ImportData);
                    if (PdfName.URI.equals(dictionary.get(PdfName.S))) {
                        assertThat(dictionary.getAsString(PdfName.URI).getValue()).as("a link's target").matches("https?://.*");
                    }
                }
            }
        }
    }

    private static String allText(PdfDocument pdf) {
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(page))).append('\n');
        }
        return text.toString();
    }

    /**
     * Right-to-left lines are drawn in visual order with Arabic letters in their presentation forms:
     * unfolding the forms (NFKC) and reversing each line gives back the text as it was written.
     */
    private static String logical(String text) {
        return text.lines().map(line -> new StringBuilder(Normalizer.normalize(line, Normalizer.Form.NFKC)).reverse())
                .reduce(new StringBuilder(), (all, line) -> all.append(line).append('\n')).toString();
    }

    private static Post dated(String title, String published) {
        String url = "https://blog.example/" + published.substring(0, 10) + "/" + Math.abs(title.hashCode());
        return new Post(url, url, title, "Anna", published, null, "Blog", null, null, null, List.of(),
                List.of("A short post."), List.of(), "2026-01-01T00:00:00Z");
    }

    private static Post post(String title, String paragraph) {
        return new Post("https://blog.example/" + Math.abs(title.hashCode()), "https://blog.example/" + Math.abs(title.hashCode()),
                title, "Anna", "2025-04-10T09:00:00+03:00", null, "Blog", null, null, null, List.of("one"),
                List.of(paragraph), List.of("A caption."), "2026-01-01T00:00:00Z");
    }
}
