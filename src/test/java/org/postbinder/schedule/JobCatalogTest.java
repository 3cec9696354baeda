package org.postbinder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobFileLoader;

class JobCatalogTest {

    @TempDir
    Path jobs;

    private JobCatalog catalog() {
        return new JobCatalog(new JobFileLoader(), new ScheduleProperties(jobs, Duration.ofSeconds(1), Duration.ofDays(2)));
    }

    @Test
    void readsEveryJobFileInTheFolderAndIgnoresOtherFiles() throws IOException {
        // given
        write("harbour.yml", job("harbour", "0 0 3 * * *"));
        write("garden.yaml", job("garden", null));
        write("notes.txt", "not a job");

        // when
        JobCatalog catalog = catalog();
        boolean changed = catalog.refresh();

        // then
        assertThat(changed).isTrue();
        assertThat(catalog.entries()).extracting(CatalogEntry::name).containsExactly("garden", "harbour");
        assertThat(catalog.job("harbour").flatMap(JobDefinition::schedule))
                .hasValueSatisfying(schedule -> assertThat(schedule.cron()).isEqualTo("0 0 3 * * *"));
        assertThat(catalog.refresh()).as("nothing changed since").isFalse();
    }

    @Test
    void aBadEditIsReportedAndTheLastGoodVersionStays() throws IOException {
        // given
        write("harbour.yml", job("harbour", "0 0 3 * * *"));
        JobCatalog catalog = catalog();
        catalog.refresh();

        // when
        write("harbour.yml", job("harbour", "0 0 3 * * *") + "surprise: key\n");
        catalog.refresh();

        // then
        CatalogEntry entry = catalog.entries().get(0);
        assertThat(entry.error()).hasValueSatisfying(error -> assertThat(error).contains("surprise"));
        assertThat(entry.job().flatMap(JobDefinition::schedule))
                .hasValueSatisfying(schedule -> assertThat(schedule.cron()).isEqualTo("0 0 3 * * *"));
    }

    @Test
    void aFixedFileReplacesTheLastGoodVersionAndClearsTheError() throws IOException {
        // given
        write("harbour.yml", job("harbour", "0 0 3 * * *"));
        JobCatalog catalog = catalog();
        catalog.refresh();
        write("harbour.yml", "name: harbour\nsources: [oops\n");
        catalog.refresh();

        // when
        write("harbour.yml", job("harbour", "0 15 4 * * *"));
        boolean changed = catalog.refresh();

        // then
        assertThat(changed).isTrue();
        assertThat(catalog.entries().get(0).error()).isEmpty();
        assertThat(catalog.job("harbour").flatMap(JobDefinition::schedule))
                .hasValueSatisfying(schedule -> assertThat(schedule.cron()).isEqualTo("0 15 4 * * *"));
    }

    @Test
    void aRemovedFileRemovesItsJob() throws IOException {
        // given
        write("harbour.yml", job("harbour", null));
        JobCatalog catalog = catalog();
        catalog.refresh();

        // when
        Files.delete(jobs.resolve("harbour.yml"));

        // then
        assertThat(catalog.refresh()).isTrue();
        assertThat(catalog.entries()).isEmpty();
        assertThat(catalog.job("harbour")).isEmpty();
    }

    @Test
    void twoFilesMayNotShareAJobName() throws IOException {
        // given
        write("a.yml", job("harbour", null));
        write("b.yml", job("harbour", null));

        // when
        JobCatalog catalog = catalog();
        catalog.refresh();

        // then
        assertThat(catalog.entries()).filteredOn(entry -> entry.error().isPresent()).singleElement()
                .satisfies(entry -> assertThat(entry.error().orElseThrow()).contains("job name harbour is already used by"));
    }

    static String job(String name, String cron) {
        String schedule = cron == null ? "" : "schedule:\n  cron: \"" + cron + "\"\n  zone: Europe/Berlin\n";
        return "name: " + name + "\nsources:\n  start-urls: [https://" + name + ".example/]\n" + schedule;
    }

    /** Each write gets a later time stamp, as an edit an editor saves a moment later would. */
    private void write(String name, String content) throws IOException {
        Path file = jobs.resolve(name);
        Instant stamp = Files.exists(file) ? Files.getLastModifiedTime(file).toInstant().plusSeconds(1) : Instant.now();
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(stamp));
    }
}
