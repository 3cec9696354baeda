package org.postbinder.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.PdfA;
import org.postbinder.support.PdfImages;
import org.postbinder.support.TestImages;

/**
 * {@code run} against a blog over real HTTP whose posts show real images: a JPEG two posts share,
 * a 16-bit PNG with alpha, a GIF, one too large, one that is an HTML page, one CMYK JPEG, and a
 * tracking pixel and an avatar that are no figures. The good ones are fetched once, stored once by
 * hash and drawn in the PDF volume, which stays PDF/A-2u; the others are counted by reason; a second
 * run fetches no image again.
 */
class ImagesIT {

    private static final String SHARED_CAPTION = "The harbour wall at low tide, seen from the lighthouse.";

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @BeforeEach
    void serveTheBlog() {
        site.serve("/blog/", 200, "text/html", """
                <!DOCTYPE html><html><head><title>Harbour notes</title></head><body><main>
                <h2><a href="/blog/low-tide/">Low tide</a></h2><h2><a href="/blog/charts/">Charts</a></h2>
                </main></body></html>""");
        site.serve("/blog/low-tide/", 200, "text/html", post("Low tide at the harbour wall", """
                <figure class="wp-block-image"><img src="/img/harbour.jpg" width="400" height="250" alt=""><figcaption>%s</figcaption></figure>
                <p>%s</p>
                <figure class="wp-block-image"><img src="/img/print-proof.jpg" alt=""><figcaption>The print proof, in four inks.</figcaption></figure>
                <figure class="wp-block-image"><img src="/img/huge.jpg" alt=""><figcaption>The whole bay from the hill, too large to keep.</figcaption></figure>
                <figure class="wp-block-image"><img src="/img/login.jpg" alt=""><figcaption>A photo behind a login page.</figcaption></figure>
                <img src="/stats/pixel.gif" width="1" height="1" alt="">
                """.formatted(SHARED_CAPTION, prose("wall"))));
        site.serve("/blog/charts/", 200, "text/html", post("New charts for the harbour approach", """
                <figure class="wp-block-image"><img src="/img/harbour.jpg" alt=""><figcaption>%s</figcaption></figure>
                <p>%s</p>
                <figure class="wp-block-image"><img src="/img/soundings.png" alt=""><figcaption>Soundings along the new channel, in metres.</figcaption></figure>
                <figure class="wp-block-image"><img src="/img/buoy.gif" alt=""><figcaption>The new green buoy.</figcaption></figure>
                """.formatted(SHARED_CAPTION, prose("chart"))));
        site.serve("/img/harbour.jpg", 200, "image/jpeg", TestImages.jpeg(400, 250), Map.of());
        site.serve("/img/soundings.png", 200, "image/png", TestImages.png16WithAlpha(300, 200), Map.of());
        site.serve("/img/buoy.gif", 200, "image/gif", TestImages.gif(200, 200), Map.of());
        site.serve("/img/print-proof.jpg", 200, "image/jpeg", TestImages.cmykJpeg(200, 120), Map.of());
        site.serve("/img/huge.jpg", 200, "image/jpeg", TestImages.jpeg(3000, 2000), Map.of());
        site.serve("/img/login.jpg", 200, "text/html", "<!DOCTYPE html><h1>Please log in</h1>");
        site.serve("/img/avatar.jpg", 200, "image/jpeg", TestImages.jpeg(96, 96), Map.of());
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void storesTheGoodImagesOnceDrawsThemAndCountsTheOthers() throws Exception {
        // given
        assertThat(TestImages.jpeg(3000, 2000).length).as("the large image is over the limit").isGreaterThan(60_000);
        Path jobFile = home.resolve("harbour.yml");
        Files.writeString(jobFile, """
                name: harbour
                sources:
                  start-urls: [%s]
                crawl:
                  user-agent: "PostbinderTest/1.0 (+https://postbinder.example)"
                  allow-private-addresses: true
                """.formatted(site.url("/blog/")));
        Launcher launcher = new Launcher(home);

        // when
        Launcher.Result first = launcher.run(Duration.ofMinutes(3), "run", jobFile.toString(), "--run-id", "first",
                "--postbinder.images.max-size=60KB");
        Launcher.Result second = launcher.run(Duration.ofMinutes(3), "run", jobFile.toString(), "--run-id", "second",
                "--postbinder.images.max-size=60KB");

        // then
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("images           3 stored, 3 skipped (CMYK JPEG: 1, not an image: 1, too large: 1)");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(site.hits("/img/harbour.jpg")).as("fetched once for both posts and both runs").isEqualTo(1);
        assertThat(site.hits("/img/huge.jpg")).as("a skipped image is not tried again").isEqualTo(1);
        assertThat(site.hits("/stats/pixel.gif") + site.hits("/img/avatar.jpg")).isZero();
        try (Stream<Path> files = Files.walk(home.resolve("output/harbour/media"))) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                    .hasSize(3).allMatch(name -> name.matches("[0-9a-f]{64}\\.(jpg|png)"));
        }
        Path volume = home.resolve("output/harbour/first/harbour-first.pdf");
        assertThat(PdfImages.count(volume)).as("two posts of two drawn images each").isEqualTo(4);
        assertThat(PdfA.violations(volume, "2u")).isEmpty();
        String text = text(volume);
        assertThat(text.split(SHARED_CAPTION, -1)).as("once per post").hasSize(3);
        assertThat(text).contains("The print proof, in four inks.", "too large to keep", "Soundings along the new channel");
    }

    private static String post(String title, String body) {
        return """
                <!DOCTYPE html><html lang="en"><head><title>%s</title>
                <meta property="article:published_time" content="2025-03-02T09:00:00+00:00"></head>
                <body><article><h1>%s</h1>
                <div class="author-box"><img class="avatar" src="/img/avatar.jpg" width="96" height="96" alt=""> By Ada Marsh</div>
                <div class="entry-content">%s</div></article></body></html>""".formatted(title, title, body);
    }

    private static String prose(String topic) {
        return ("The " + topic + " was measured again this spring, after the winter storms moved the sand bar "
                + "further into the channel than anyone on the quay could remember. ").repeat(4);
    }

    private static String text(Path pdf) throws Exception {
        try (PdfDocument document = new PdfDocument(new PdfReader(pdf.toString()))) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(document.getPage(page))).append('\n');
            }
            return text.toString();
        }
    }
}
