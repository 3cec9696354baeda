package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.postbinder.export.ArchiveMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobFileLoaderTest {

    private static final Path JOBS = Path.of("src/test/resources/fixtures/jobs");

    private final JobFileLoader loader = new JobFileLoader();

    @Test
    void readsEveryKeyOfAFullJobFile() {
        // when
        JobDefinition job = loader.load(JOBS.resolve("valid-full.yml"));

        // then
        assertThat(job.name()).isEqualTo("harbour-wire");
        assertThat(job.title()).isEqualTo("Harbour Wire archive");
        assertThat(job.sources().startUrls()).containsExactly(URI.create("https://harbour-wire.example/news/"),
                JOBS.toAbsolutePath().resolve("saved-site/index.html").toUri());
        assertThat(job.sources().sitemaps()).containsExactly(URI.create("https://harbour-wire.example/sitemap.xml"));
        assertThat(job.sources().feeds()).containsExactly(URI.create("https://harbour-wire.example/feed/"));
        assertThat(job.scope().include()).singleElement().satisfies(p ->
                assertThat(p.matcher("https://harbour-wire.example/2025/04/post").find()).isTrue());
        assertThat(job.scope().exclude()).hasSize(2);
        assertThat(job.scope().maxPages()).isEqualTo(250);
        assertThat(job.scope().maxDepth()).isEqualTo(3);
        assertThat(job.crawl().userAgent()).contains("HarbourArchiver/1.0 (+mailto:archive@example.org)");
        assertThat(job.crawl().delay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(job.crawl().timeout()).contains(Duration.ofSeconds(20));
        assertThat(job.extract().body()).contains(".entry-content");
        assertThat(job.extract().remove()).containsExactly(".sharedaddy", "#jp-relatedposts");
        assertThat(job.extract().requireDate()).isFalse();
        assertThat(job.extract().siteFurniture()).isEqualTo(new JobDefinition.SiteFurniture(true, 0.4, 8));
        assertThat(job.export().formats()).containsExactlyInAnyOrder(JobDefinition.Format.CSV, JobDefinition.Format.PDF);
        assertThat(job.export().csv().columns()).containsExactly("title", "url", "publishedAt");
        assertThat(job.export().csv().byteOrderMark()).isTrue();
        assertThat(job.export().csv().neutralizeFormulas()).isTrue();
        assertThat(job.export().mode()).isEqualTo(ArchiveMode.INCREMENTAL);
        assertThat(job.export().pdfPerPost()).isTrue();
        assertThat(job.schedule()).hasValueSatisfying(schedule -> {
            assertThat(schedule.cron()).isEqualTo("0 30 3 * * *");
            assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Istanbul"));
            assertThat(schedule.catchUp()).isTrue();
        });
    }

    @Test
    void fillsSafeDefaultsForAMinimalJobFile() {
        JobDefinition job = loader.load(JOBS.resolve("minimal.yml"));

        assertThat(job.name()).isEqualTo("minimal");
        assertThat(job.scope().maxPages()).isEqualTo(JobFileLoader.DEFAULT_MAX_PAGES);
        assertThat(job.scope().maxDepth()).isEqualTo(JobFileLoader.DEFAULT_MAX_DEPTH);
        assertThat(job.crawl().delay()).isEqualTo(Duration.ZERO);
        assertThat(job.extract().body()).isEmpty();
        assertThat(job.extract().siteFurniture()).isEqualTo(new JobDefinition.SiteFurniture(true, 0.3, 5));
        assertThat(job.export().formats()).containsExactlyInAnyOrder(JobDefinition.Format.values());
        assertThat(job.export().mode()).isEqualTo(ArchiveMode.SNAPSHOT);
        assertThat(job.export().pdfPerPost()).isFalse();
        assertThat(job.schedule()).isEmpty();
    }

    @Test
    void loadsTheBundledDemoJob() {
        JobDefinition job = loader.load(Path.of("jobs/demo.yml"));

        assertThat(job.name()).isEqualTo("demo");
        assertThat(job.sources().startUrls()).singleElement()
                .isEqualTo(Path.of("jobs/demo-site/index.html").toAbsolutePath().toUri());
        assertThat(job.schedule()).as("serve runs the demo nightly")
                .contains(new JobDefinition.Schedule("0 30 3 * * *", ZoneId.of("UTC"), false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-unknown-key.yml    | :6: scope.max-dept: unknown key
            bad-url.yml            | :4: sources.start-urls: invalid value 'ftp://files.example/posts': expected an http:, https: or file: URL
            bad-regex.yml          | :5: scope.include: invalid value '^https://blog\\.example/(news'
            bad-duration.yml       | :4: crawl.delay: invalid value 'soon'
            bad-number.yml         | :4: scope.max-pages: invalid value 'lots'
            bad-cron.yml           | :4: schedule.cron: invalid value 'every night'
            bad-zone.yml           | :5: schedule.zone: invalid value 'Mars/Olympus'
            bad-selector.yml       | :4: extract.body: invalid value 'div[class='
            bad-format.yml         | :4: export.formats: invalid value 'docx'
            bad-no-sources.yml     | :1: sources: is required
            bad-empty-sources.yml  | :3: sources: give at least one of start-urls, sitemaps, feeds or warcs
            bad-duplicate-key.yml  | :5: scope: duplicate key
            bad-yaml.yml           | : not valid YAML
            bad-name.yml           | :1: name: invalid value 'My Blog!'
            bad-no-formats.yml     | :4: export: formats: give at least one of csv, json, jsonl, pdf
            bad-csv-column.yml     | :5: export.csv.columns: invalid value 'headline': not a column
            bad-mode.yml           | :4: export.mode: invalid value 'weekly': snapshot (every post) or incremental
            bad-share.yml          | :5: extract.site-furniture.min-share: invalid value '0.01': must be between 0.05 and 1
            Bad Name.yml           | :1: the file name 'bad name' cannot be a job name
            """)
    void rejectsABadJobFileNamingTheLineAndTheKey(String file, String message) {
        assertThatThrownBy(() -> loader.load(JOBS.resolve(file)))
                .isInstanceOf(JobFileException.class)
                .hasMessageStartingWith(JOBS.resolve(file).toString())
                .hasMessageContaining(message);
    }

    @Test
    void aRunCannotContinueWithAFileThatNowNamesAnotherJob() {
        assertThatThrownBy(() -> loader.loadForRun(JOBS.resolve("valid-full.yml"), "old-name"))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("the file now names job 'harbour-wire', but this run belongs to job 'old-name'");
        assertThat(loader.loadForRun(JOBS.resolve("valid-full.yml"), "harbour-wire").name()).isEqualTo("harbour-wire");
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> loader.load(JOBS.resolve("nowhere.yml")))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("no such job file");
    }
}
