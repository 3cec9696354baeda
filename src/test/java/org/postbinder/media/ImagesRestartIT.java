package org.postbinder.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.PdfImages;
import org.postbinder.support.TestImages;

/**
 * A run killed (SIGKILL) while it fetches the posts' images, then run again with the same run id:
 * it goes on from the last committed chunk of images, fetches no committed image again, and its
 * volume draws every image.
 */
class ImagesRestartIT {

    private static final int POSTS = 4;
    private static final int IMAGES_PER_POST = 4;
    private static final int IMAGES = POSTS * IMAGES_PER_POST;
    /** The most images a kill can cost a second fetch: one uncommitted chunk (five) and one in flight. */
    private static final int REFETCHED_AT_MOST = 6;

    @TempDir
    Path home;

    private final LocalSiteServer site = new LocalSiteServer();

    @BeforeEach
    void serveABlogWithSlowImages() {
        StringBuilder index = new StringBuilder("<!DOCTYPE html><html><head><title>Slow photos</title></head><body><main>");
        for (int post = 1; post <= POSTS; post++) {
            index.append("<h2><a href=\"/blog/").append(post).append("/\">Post ").append(post).append("</a></h2>");
            site.serve("/blog/" + post + "/", 200, "text/html", post(post));
        }
        site.serve("/blog/", 200, "text/html", index + "</main></body></html>");
        byte[] jpeg = TestImages.jpeg(200, 120);
        for (int image = 1; image <= IMAGES; image++) {
            byte[] distinct = jpeg.clone();
            // a different comment byte at the end keeps each file distinct for the store
            distinct[distinct.length - 3] = (byte) image;
            site.route("/img/" + image + ".jpg", exchange -> {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                LocalSiteServer.send(exchange, 200, distinct);
            });
        }
        site.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aRunKilledWhileFetchingImagesGoesOnWhereItStopped() throws Exception {
        // given
        Path jobFile = home.resolve("slow.yml");
        Files.writeString(jobFile, """
                name: slow
                sources:
                  start-urls: [%s]
                crawl:
                  allow-private-addresses: true
                """.formatted(site.url("/blog/")));
        Launcher launcher = new Launcher(home);

        // when: killed once half the images were asked for, then run again
        Process run = launcher.start("run", jobFile.toString(), "--run-id", "night");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (site.hitsMatching("/img/") < IMAGES / 2 && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(20);
        }
        run.destroyForcibly().waitFor();
        long beforeTheKill = site.hitsMatching("/img/");
        Launcher.Result again = launcher.run(Duration.ofMinutes(3), "run", jobFile.toString(), "--run-id", "night");

        // then
        assertThat(beforeTheKill).as("killed while fetching images").isBetween((long) IMAGES / 2, (long) IMAGES - 1);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("images           " + IMAGES + " stored, 0 skipped");
        assertThat(site.hitsMatching("/img/")).isBetween((long) IMAGES, (long) IMAGES + REFETCHED_AT_MOST);
        assertThat(IntStream.rangeClosed(1, IMAGES).map(image -> site.hits("/img/" + image + ".jpg")))
                .allMatch(hits -> hits >= 1 && hits <= 2);
        assertThat(PdfImages.count(launcher.output().resolve("slow/night/slow-night.pdf"))).isEqualTo(IMAGES);
    }

    private static String post(int post) {
        StringBuilder figures = new StringBuilder();
        for (int i = 1; i <= IMAGES_PER_POST; i++) {
            int image = (post - 1) * IMAGES_PER_POST + i;
            figures.append("<figure><img src=\"/img/").append(image).append(".jpg\" alt=\"\"><figcaption>Photo ")
                    .append(image).append(" of the slow series.</figcaption></figure>");
        }
        return """
                <!DOCTYPE html><html lang="en"><head><title>Slow photos %d</title>
                <meta property="article:published_time" content="2025-03-0%dT09:00:00+00:00"></head>
                <body><article><h1>Slow photos %d</h1><div class="entry-content"><p>%s</p>%s</div></article></body></html>
                """.formatted(post, post, post, ("Photographs of the slow series, part " + post
                + ", taken along the harbour wall on a grey morning with the tide out. ").repeat(3), figures);
    }
}
