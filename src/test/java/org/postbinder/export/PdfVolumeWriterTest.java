package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.store.Post;
import org.postbinder.support.PdfA;
import org.postbinder.support.PdfImages;
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

    @Test
    void aPostsImagesAreWrittenToTheFileOnceItIsLaidOutNotHeldUntilTheVolumeIsFinished() throws Exception {
        // given: a photo of noise, which JPEG cannot make small, shown by a post
        byte[] photo = noise(1000, 700);
        Path stored = Files.write(folder.resolve("noise.jpg"), photo);
        Post withPhoto = post("Fog over the harbour", "The ferry waited at the quay.")
                .withFigures(List.of(new Post.Figure("https://blog.example/fog.jpg", "A caption.", 1)));
        Path file = folder.resolve("volume.pdf");
        PdfVolumeWriter writer = new PdfVolumeWriter(file, new PdfVolumeWriter.VolumeInfo("Photos", "photos", "r1"),
                url -> Optional.of(stored));
        writer.open(new ExecutionContext());

        // when: it and two more are written, and the volume is not finished yet
        writer.write(new Chunk<>(List.of(withPhoto, post("The next morning", "The fog had lifted."),
                post("The day after", "Sunshine."))));

        // then: the draft on disk already holds the photo (iText would keep it in memory until the end)
        assertThat(Files.size(file.resolveSibling("volume.pdf.draft"))).isGreaterThan(photo.length);
        // and the finished volume shows it
        writer.finish();
        writer.close();
        assertThat(PdfImages.count(file)).isEqualTo(1);
        assertThat(PdfA.violations(file, "2u")).isEmpty();
    }

    /** A JPEG of random pixels: hundreds of kilobytes, more than any output buffer. */
    private static byte[] noise(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", bytes);
        return bytes.toByteArray();
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
