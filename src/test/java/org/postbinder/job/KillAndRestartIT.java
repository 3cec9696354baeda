package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutline;
import com.itextpdf.kernel.pdf.PdfReader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postbinder.export.ArchiveLocation;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.PublishedFolderWatch;
import org.postbinder.support.Sql;
import org.postbinder.support.WarcFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code run} killed with SIGKILL at several points of a run (discovering the site, storing posts,
 * writing the archive) and run again with the same run id: the run completes, every post is stored
 * once, nothing was ever published half-written, and the archive is the one an uninterrupted run
 * of the same site publishes: the same CSV bytes, the same JSON records (fetch times aside), the
 * same PDF outline.
 */
class KillAndRestartIT {

    private static final int POSTS = 60;
    private static final String RUN = "killed";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final LocalSiteServer SITE = new LocalSiteServer();

    @TempDir
    static Path shared;

    @TempDir
    Path home;

    private static Path reference;

    /** Where a run is killed: the marker it has printed, or the state its files are in. */
    enum KillPoint {
        DISCOVERING_THE_SITE,
        STORING_POSTS,
        WRITING_THE_ARCHIVE,
        FINISHING_THE_PDF,
        PUBLISHING,
        JUST_PUBLISHED
    }

    @BeforeAll
    static void anUninterruptedRunOfTheSite() throws Exception {
        new GeneratedBlog(POSTS, 20).serveOn(SITE);
        SITE.start();
        Launcher launcher = new Launcher(shared.resolve("reference"));
        Launcher.Result result = launcher.run(PATIENCE, "run", jobFile(shared).toString(), "--run-id", RUN);
        assertThat(result.exitCode()).as(result.output()).isZero();
        reference = launcher.output().resolve("harbour").resolve(RUN);
    }

    @AfterAll
    static void stopTheSite() {
        SITE.close();
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aRunKilledAtAnyPointCompletesOnRestartWithTheArchiveOfAnUninterruptedRun(KillPoint point) throws Exception {
        // given
        Path jobFile = jobFile(home);
        Launcher launcher = new Launcher(home);
        Path published = launcher.output().resolve("harbour").resolve(RUN);

        // when: the run is killed at the point, then run again with the same run id
        Process run = launcher.start("run", jobFile.toString(), "--run-id", RUN);
        try (PublishedFolderWatch watch = new PublishedFolderWatch(published)) {
            killAt(point, run, launcher);
            assertThat(watch.incomplete()).as("the published folder, whenever it was seen while the run was killed").isEmpty();
        }
        Launcher.Result again = launcher.run(PATIENCE, "run", jobFile.toString(), "--run-id", RUN);

        // then
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("COMPLETED");
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where job_name = 'harbour'")).isEqualTo(POSTS);
            assertThat(Sql.count(db, "select count(distinct canonical_url) from posts where job_name = 'harbour'"))
                    .isEqualTo(POSTS);
        }
        assertThat(published.resolve("posts.csv")).hasSameBinaryContentAs(reference.resolve("posts.csv"));
        assertThat(withoutFetchTimes(published.resolve("posts.json"))).isEqualTo(withoutFetchTimes(reference.resolve("posts.json")));
        assertThat(outline(published.resolve("harbour-" + RUN + ".pdf"))).hasSize(POSTS)
                .isEqualTo(outline(reference.resolve("harbour-" + RUN + ".pdf")));
        try (var left = Files.list(published.getParent())) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("no staging folder is left behind").noneMatch(name -> name.endsWith(".partial"));
        }
        try (var warcs = Files.list(published.getParent().resolve("warc"))) {
            for (Path warc : warcs.toList()) {
                assertThat(WarcFiles.readToTheEnd(warc)).as("%s reads to its end", warc.getFileName()).isNotEmpty();
            }
        }
    }

    private static void killAt(KillPoint point, Process run, Launcher launcher) throws Exception {
        switch (point) {
            case DISCOVERING_THE_SITE -> launcher.awaitPrinted("  read ", 1, run);
            case STORING_POSTS -> launcher.awaitPrinted("  stored ", POSTS / 2, run);
            case WRITING_THE_ARCHIVE -> awaitFile(run, staging(launcher).resolve("posts.csv"), file -> size(file) > 0);
            // the volume's second pass: the finished PDF is being written from its draft
            case FINISHING_THE_PDF -> awaitFile(run, staging(launcher).resolve("harbour-" + RUN + ".pdf"), Files::exists);
            // the publish step has begun: it stages the record schema, then the manifest, then renames
            case PUBLISHING -> awaitFile(run, staging(launcher).resolve(ArchiveLocation.RECORD_SCHEMA), Files::exists);
            // renamed, and the step not yet committed: the restart must find the archive already out
            case JUST_PUBLISHED -> awaitFile(run, launcher.output().resolve("harbour").resolve(RUN), Files::exists);
        }
        run.destroyForcibly().waitFor();
    }

    private static Path staging(Launcher launcher) {
        return launcher.output().resolve("harbour").resolve("." + RUN + ".partial");
    }

    /** Polls often: the archive of a small site is written in about a second. */
    private static void awaitFile(Process run, Path file, Predicate<Path> ready) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && ready.test(file)) {
                return;
            }
            if (!run.isAlive()) {
                break;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the run ended or took too long before " + file + " was written");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static Path jobFile(Path folder) throws IOException {
        // every CSV column but the fetch time, which differs between two crawls of the same site
        return GeneratedBlog.writeJob(folder.resolve("harbour.yml"), SITE.url("/blog/").toString(), """
                formats: [csv, json, pdf]
                csv:
                  columns: [url, canonicalUrl, title, author, publishedAt, modifiedAt, siteName, language, description,
                            leadImage, tags, captions, body, wordCount, contentSha256]
                """);
    }

    private static JsonNode withoutFetchTimes(Path json) {
        JsonNode records = JSON.readTree(json.toFile());
        records.forEach(record -> ((ObjectNode) record).remove("fetchedAt"));
        return records;
    }

    private static List<String> outline(Path pdf) throws IOException {
        try (PdfDocument document = new PdfDocument(new PdfReader(pdf.toFile()))) {
            return titles(document.getOutlines(false).getAllChildren());
        }
    }

    private static List<String> titles(List<PdfOutline> outlines) {
        return outlines.stream().flatMap(outline -> outline.getAllChildren().isEmpty() ? java.util.stream.Stream.of(outline.getTitle())
                : titles(outline.getAllChildren()).stream()).toList();
    }
}
