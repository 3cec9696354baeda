package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postbinder.support.Launcher;
import org.postbinder.support.SmallDisk;

/**
 * The output disk fills up while the demo's archive is written (a 4 MB tmpfs mounted as the output
 * folder, filled until only a few kilobytes are left): the run fails with the reason in one line,
 * nothing of it is published, the previous archive is untouched, and once space is freed the same
 * run completes. Mounting needs root, as in CI; elsewhere the test is skipped and says why.
 */
class DiskFullIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private Launcher launcher;
    private Path output;
    private SmallDisk disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        launcher = new Launcher(home);
        output = launcher.output();
        disk = SmallDisk.mount(output, 4);
        assumeTrue(disk != null, "mounting a 4 MB tmpfs as the output folder needs root (CI runs as root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @ParameterizedTest(name = "{0} KB left")
    @ValueSource(ints = {8, 64})
    void aFullDiskFailsTheRunCleanlyAndTheRunCompletesOnceThereIsSpace(int kilobytesLeft) throws Exception {
        // given: a published archive, and a disk with only a few kilobytes left
        assertThat(launcher.run(PATIENCE, "run", "jobs/demo.yml", "--run-id", "first").exitCode()).isZero();
        Map<String, String> first = digests(output.resolve("demo/first"));
        Path filler = disk.fillLeaving(kilobytesLeft * 1024L);

        // when
        Launcher.Result full = launcher.run(PATIENCE, "run", "jobs/demo.yml", "--run-id", "second");

        // then
        assertThat(full.exitCode()).as(full.output()).isNotZero();
        assertThat(full.output()).contains("Run second of job demo: FAILED", "failure: No space left on device")
                .doesNotContain("\tat ");
        assertThat(output.resolve("demo/second")).doesNotExist();
        assertThat(digests(output.resolve("demo/first"))).as("the previous archive is untouched").isEqualTo(first);

        // when: space is freed and the run is started again
        Files.delete(filler);
        Launcher.Result again = launcher.run(PATIENCE, "run", "jobs/demo.yml", "--run-id", "second");

        // then
        assertThat(again.exitCode()).as(again.output()).isZero();
        Map<String, String> second = digests(output.resolve("demo/second"));
        assertThat(second.keySet()).contains("posts.csv", "posts.json", "posts.jsonl", "manifest.json", "demo-second.pdf");
        assertThat(second.get("posts.csv")).as("the same posts as the first archive").isEqualTo(first.get("posts.csv"));
        try (Stream<Path> left = Files.list(output.resolve("demo"))) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    private static Map<String, String> digests(Path folder) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(file.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
