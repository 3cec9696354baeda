package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.media.ImageCheck;
import org.postbinder.store.Post;
import org.postbinder.support.PdfA;
import org.postbinder.support.PdfImages;
import org.postbinder.support.TestImages;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;

class PostPdfWriterTest {

    @TempDir
    Path folder;

    @Test
    void eachPostGetsAPdfANamedByDateAndSlug() throws Exception {
        // given
        Post wordpress = post("https://harbour.example/2025/04/10/ferry-timetable-winter-cuts/", "2025-04-10T09:00:00+03:00",
                "Winter timetable cuts leave island ferry commuters counting the minutes");
        Post byId = post("https://news.example/article/123456", "2025-05-27T06:00:00+02:00",
                "Europe’s night-train revival stalls for lack of sleeper cars");
        Post undated = post("https://blog.example/?p=42", null, "Über die Hafenkräne");
        Path posts = folder.resolve("posts");

        // when
        write(posts, List.of(wordpress, byId, undated));

        // then
        assertThat(names(posts)).containsExactly("2025-04-10-ferry-timetable-winter-cuts.pdf",
                "2025-05-27-europe-s-night-train-revival-stalls-for-lack-of-sleeper-cars.pdf", "undated-uber-die-hafenkrane.pdf");
        Path file = posts.resolve("2025-04-10-ferry-timetable-winter-cuts.pdf");
        assertThat(PdfA.violations(file, "2u")).isEmpty();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(file.toString()))) {
            assertThat(PdfTextExtractor.getTextFromPage(pdf.getPage(1)).replaceAll("\\s+", " "))
                    .contains(wordpress.title(), "The gulls followed it out", "SHA-256 " + wordpress.contentSha256());
            assertThat(pdf.getDocumentInfo().getTitle()).isEqualTo(wordpress.title());
        }
    }

    @Test
    void storedFiguresAreDrawnWithTheirCaptionsOnceAndTheOthersStayText() throws Exception {
        // given: a JPEG as fetched, a PNG as the image check redraws it, one image not stored, one damaged
        Path jpeg = Files.write(folder.resolve("quay.jpg"), TestImages.jpeg(1600, 900));
        Path png = Files.write(folder.resolve("chart.png"),
                ((ImageCheck.Kept) ImageCheck.check(TestImages.png16WithAlpha(300, 500))).bytes());
        Path damaged = Files.write(folder.resolve("damaged.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
        Map<String, Path> stored = Map.of("https://harbour.example/quay.jpg", jpeg, "https://harbour.example/chart.png", png,
                "https://harbour.example/damaged.jpg", damaged);
        Post post = post("https://harbour.example/2025/04/10/quay/", "2025-04-10T09:00:00Z", "The quay")
                .withText(List.of("The morning ferry left at seven."),
                        List.of("The quay at dawn.", "Soundings, in metres.", "A photo never fetched.", "A damaged photo."))
                .withFigures(List.of(new Post.Figure("https://harbour.example/quay.jpg", "The quay at dawn.", 0),
                        new Post.Figure("https://harbour.example/chart.png", "Soundings, in metres.", 0),
                        new Post.Figure("https://harbour.example/missing.jpg", "A photo never fetched.", 0),
                        new Post.Figure("https://harbour.example/damaged.jpg", "A damaged photo.", 0)));
        Path posts = folder.resolve("posts");

        // when
        PostPdfWriter writer = new PostPdfWriter(posts, url -> Optional.ofNullable(stored.get(url)));
        writer.open(new ExecutionContext());
        writer.write(new Chunk<>(List.of(post)));
        writer.finish();
        writer.close();

        // then
        assertThat(names(posts)).hasSize(1);
        Path file = posts.resolve(names(posts).get(0));
        assertThat(PdfImages.count(file)).isEqualTo(2);
        assertThat(PdfA.violations(file, "2u")).isEmpty();
        String text = allText(file);
        assertThat(text.split("The quay at dawn\\.", -1)).hasSize(2);
        assertThat(text).contains("Soundings, in metres.", "A photo never fetched.", "A damaged photo.");
    }

    @Test
    void eachFigureIsSetAtItsPlaceAmongTheParagraphsAndACaptionWithoutItsImageStaysThere() throws Exception {
        // given: a stored photo before the third paragraph, an unfetched one after the last
        Path jpeg = Files.write(folder.resolve("quay.jpg"), TestImages.jpeg(800, 450));
        Post post = post("https://harbour.example/2025/04/11/tides/", "2025-04-11T09:00:00Z", "Tides")
                .withText(List.of("First paragraph about the morning tide.", "Second paragraph about the harbour wall.",
                                "Third paragraph about the evening tide."),
                        List.of("The wall at low water.", "The evening light on the moorings."))
                .withFigures(List.of(new Post.Figure("https://harbour.example/quay.jpg", "The wall at low water.", 2),
                        new Post.Figure("https://harbour.example/evening.jpg", "The evening light on the moorings.", 3)));
        Path posts = folder.resolve("posts");

        // when
        PostPdfWriter writer = new PostPdfWriter(posts, url -> Optional.ofNullable(
                url.equals("https://harbour.example/quay.jpg") ? jpeg : null));
        writer.open(new ExecutionContext());
        writer.write(new Chunk<>(List.of(post)));
        writer.finish();
        writer.close();

        // then: in reading order, the caption under its photo between the second and third paragraphs
        String text = allText(posts.resolve(names(posts).get(0)));
        assertThat(text.indexOf("Second paragraph")).isLessThan(text.indexOf("The wall at low water."));
        assertThat(text.indexOf("The wall at low water.")).isLessThan(text.indexOf("Third paragraph"));
        assertThat(text.indexOf("Third paragraph")).isLessThan(text.indexOf("The evening light on the moorings."));
        assertThat(PdfImages.count(posts.resolve(names(posts).get(0)))).isEqualTo(1);
    }

    @Test
    void twoPostsWithTheSameDateAndSlugGetNumberedNames() {
        Set<String> taken = new HashSet<>();
        Post first = post("https://a.example/2025/04/10/notes-from-the-quay/", "2025-04-10T09:00:00Z", "Notes");
        Post second = post("https://b.example/2025/04/10/notes-from-the-quay/", "2025-04-10T18:00:00Z", "Notes");

        assertThat(PostFileNames.name(first, taken)).isEqualTo("2025-04-10-notes-from-the-quay.pdf");
        assertThat(PostFileNames.name(second, taken)).isEqualTo("2025-04-10-notes-from-the-quay-2.pdf");
    }

    @Test
    void aTitleInAnotherScriptKeepsItsLettersAndAnIndexPageUsesTheTitle() {
        Post russian = post("https://news.example/ru/2025/11/12/index.html", "2025-11-12T10:00:00+03:00",
                "Районные библиотеки переводят фонды в цифру");

        assertThat(PostFileNames.name(russian, new HashSet<>()))
                .isEqualTo("2025-11-12-районные-библиотеки-переводят-фонды-в-цифру.pdf");
    }

    @Test
    void aRestartedExportStartsTheFolderAfresh() throws Exception {
        Path posts = folder.resolve("posts");
        write(posts, List.of(post("https://a.example/2025/01/01/left-over-from-a-crash/", "2025-01-01T00:00:00Z", "Old")));

        write(posts, List.of(post("https://a.example/2025/02/02/the-only-post/", "2025-02-02T00:00:00Z", "New")));

        assertThat(names(posts)).containsExactly("2025-02-02-the-only-post.pdf");
    }

    private static void write(Path posts, List<Post> items) throws Exception {
        PostPdfWriter writer = new PostPdfWriter(posts, FigureFiles.NONE);
        writer.open(new ExecutionContext());
        writer.write(new Chunk<>(items));
        writer.finish();
        writer.close();
    }

    private static List<String> names(Path posts) throws Exception {
        try (Stream<Path> files = Files.list(posts)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static Post post(String url, String published, String title) {
        return new Post(url, url, title, "Ada Marsh", published, null, "Harbour", "en", null, null, List.of(),
                List.of("The morning ferry left at seven.", "The gulls followed it out past the breakwater."),
                List.of(), "2026-01-01T00:00:00Z");
    }

    private static String allText(Path file) throws IOException {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(file.toString()))) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(page))).append('\n');
            }
            return text.toString();
        }
    }
}
