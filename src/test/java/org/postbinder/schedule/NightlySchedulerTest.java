package org.postbinder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobFileLoader;
import org.postbinder.support.TestDatabase;

class NightlySchedulerTest {

    @TempDir
    Path jobs;

    private final ScheduledRuns history = new ScheduledRuns(TestDatabase.migrated());
    private final List<Fired> fired = new CopyOnWriteArrayList<>();
    private NightlyScheduler scheduler;

    private record Fired(String job, Instant at) {}

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.destroy();
        }
    }

    private NightlyScheduler start(Clock clock) {
        ScheduleProperties properties = new ScheduleProperties(jobs, Duration.ofMillis(100), Duration.ofDays(2));
        scheduler = new NightlyScheduler(new JobCatalog(new JobFileLoader(), properties),
                (job, at) -> fired.add(new Fired(job, at)), history, properties, clock);
        scheduler.start();
        return scheduler;
    }

    @Test
    void aJobFiresAtEachTimeItsCronGivesAndKnowsTheTimeItWasScheduledFor() throws Exception {
        // given: every second
        write("harbour.yml", JobCatalogTest.job("harbour", "* * * * * *"));

        // when
        start(Clock.systemUTC());
        await(() -> fired.size() >= 2, Duration.ofSeconds(10));

        // then
        assertThat(fired).allSatisfy(firing -> {
            assertThat(firing.job()).isEqualTo("harbour");
            assertThat(firing.at().getNano()).as("the scheduled second, not the moment it ran").isZero();
        });
        assertThat(Duration.between(fired.get(0).at(), fired.get(1).at())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNewScheduleInTheFolderIsPickedUpAndARemovedOneStops() throws Exception {
        // given
        write("harbour.yml", JobCatalogTest.job("harbour", null));
        start(Clock.systemUTC());
        assertThat(scheduler.nextRun("harbour")).isEmpty();

        // when
        write("harbour.yml", JobCatalogTest.job("harbour", "0 0 3 * * *"));
        await(() -> scheduler.nextRun("harbour").isPresent(), Duration.ofSeconds(5));

        // then: 03:00 in the job's zone (Europe/Berlin)
        assertThat(scheduler.nextRun("harbour").orElseThrow().atZone(ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(3);

        // when
        Files.delete(jobs.resolve("harbour.yml"));
        await(() -> scheduler.nextRun("harbour").isEmpty(), Duration.ofSeconds(5));
    }

    @Test
    void aBadEditKeepsTheLastGoodScheduleInForce() throws Exception {
        // given
        write("harbour.yml", JobCatalogTest.job("harbour", "0 0 3 * * *"));
        start(Clock.systemUTC());
        Instant next = scheduler.nextRun("harbour").orElseThrow();

        // when
        write("harbour.yml", JobCatalogTest.job("harbour", "every night at three"));
        Thread.sleep(500);

        // then
        assertThat(scheduler.nextRun("harbour")).contains(next);
    }

    @Test
    void aServerThatStartsCatchesUpTheLatestMissedNightOnlyWhenTheJobAsksForIt() throws Exception {
        // given: nightly at 02:00 UTC; the last firing any server ran was three nights ago
        Instant now = Instant.parse("2026-12-05T09:00:00Z");
        history.claim("harbour", Instant.parse("2026-12-02T02:00:00Z"), "20261202-020000");
        history.claim("garden", Instant.parse("2026-12-02T02:00:00Z"), "20261202-020000");
        write("harbour.yml", scheduled("harbour", true));
        write("garden.yml", scheduled("garden", false));

        // when
        start(Clock.fixed(now, ZoneOffset.UTC));

        // then: last night only, not the three missed nights, and not for the job without catch-up
        assertThat(fired).containsExactly(new Fired("harbour", Instant.parse("2026-12-05T02:00:00Z")));
    }

    @Test
    void theNextRunFollowsTheZoneAcrossADaylightSavingChange() {
        // given: 03:30 in Berlin; clocks go back on 2026-10-25
        JobDefinition.Schedule schedule = new JobDefinition.Schedule("0 30 3 * * *", ZoneId.of("Europe/Berlin"), false);

        // when
        Instant beforeChange = NightlyScheduler.next(schedule, Instant.parse("2026-10-23T12:00:00Z"));
        Instant afterChange = NightlyScheduler.next(schedule, Instant.parse("2026-10-25T12:00:00Z"));

        // then
        assertThat(beforeChange).as("summer time, UTC+2").isEqualTo(Instant.parse("2026-10-24T01:30:00Z"));
        assertThat(afterChange).as("winter time, UTC+1").isEqualTo(Instant.parse("2026-10-26T02:30:00Z"));
    }

    private static String scheduled(String name, boolean catchUp) {
        return JobCatalogTest.job(name, null) + "schedule:\n  cron: \"0 0 2 * * *\"\n  zone: UTC\n  catch-up: " + catchUp + "\n";
    }

    private void write(String name, String content) throws IOException {
        Path file = jobs.resolve(name);
        Instant stamp = Files.exists(file) ? Files.getLastModifiedTime(file).toInstant().plusSeconds(1) : Instant.now();
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(stamp));
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience);
            }
            Thread.sleep(20);
        }
    }
}
