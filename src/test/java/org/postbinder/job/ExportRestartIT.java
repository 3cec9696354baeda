package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.Launcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An export that cannot write its files fails the run, publishes nothing, and completes on
 * restart once the cause is gone, without crawling again.
 */
class ExportRestartIT {

    @TempDir
    Path home;

    @Test
    void aFailedExportPublishesNothingAndARestartFinishesIt() throws Exception {
        // given: where the job's archives go there is a file, so the export cannot create its folder
        Launcher launcher = new Launcher(home);
        Path jobFolder = launcher.output().resolve("demo");
        Files.createDirectories(launcher.output());
        Files.writeString(jobFolder, "in the way");

        // when
        Launcher.Result failed = launcher.run(Duration.ofMinutes(2), "run", "jobs/demo.yml", "--run-id", "blocked");

        // then
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("Run blocked of job demo: FAILED", "posts stored     10");
        assertThat(jobFolder).isRegularFile();

        // when: the obstacle is gone and the run is restarted
        Files.delete(jobFolder);
        Launcher.Result restarted = launcher.run(Duration.ofMinutes(2), "restart", String.valueOf(executionId(failed.output())));

        // then
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("COMPLETED").doesNotContain("  stored ");
        JsonNode manifest = JsonMapper.builder().build().readTree(jobFolder.resolve("blocked/manifest.json").toFile());
        assertThat(manifest.get("counts").get("exported").asInt()).isEqualTo(10);
        assertThat(manifest.get("counts").get("stored").asInt()).isEqualTo(10);
        try (var files = Files.list(jobFolder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("blocked");
        }
    }

    private static long executionId(String output) {
        Matcher execution = Pattern.compile("\\(execution (\\d+)").matcher(output);
        assertThat(execution.find()).as(output).isTrue();
        return Long.parseLong(execution.group(1));
    }
}
