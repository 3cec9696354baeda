package org.postbinder.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArchivePublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path output;

    private final ArchivePublisher publisher = new ArchivePublisher(JSON);

    @Test
    void publishesTheStagedFolderWithItsManifestInOneMove() throws Exception {
        // given
        ArchiveLocation location = new ArchiveLocation(output, "blog", "r1");
        stage(location, "posts.csv", "url,title\n");
        stage(location, "posts.json", "[]");

        // when
        List<Manifest.FileEntry> files = publisher.stagedFiles(location);
        Path published = publisher.publish(location, manifest(files));

        // then
        assertThat(published).isEqualTo(output.resolve("blog/r1"));
        assertThat(Files.exists(location.staging())).isFalse();
        assertThat(files).extracting(Manifest.FileEntry::name).containsExactly("posts.csv", "posts.json");
        JsonNode manifest = JSON.readTree(published.resolve("manifest.json").toFile());
        assertThat(manifest.get("files").get(0).get("sha256").asString())
                .isEqualTo(ArchivePublisher.sha256(published.resolve("posts.csv")))
                .hasSize(64);
        assertThat(manifest.get("files").get(1).get("bytes").asLong()).isEqualTo(2);
    }

    @Test
    void neverOverwritesAPublishedArchive() throws Exception {
        // given
        ArchiveLocation location = new ArchiveLocation(output, "blog", "r1");
        Files.createDirectories(location.published());
        Files.writeString(location.published().resolve("posts.csv"), "the archive readers already have");
        stage(location, "posts.csv", "a new one");

        // when / then
        assertThatThrownBy(() -> publisher.publish(location, manifest(publisher.stagedFiles(location))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("already published");
        assertThat(Files.readString(location.published().resolve("posts.csv"))).isEqualTo("the archive readers already have");
    }

    @Test
    void anArchiveWhoseVolumeIsStillADraftIsNotPublished() throws Exception {
        // given: staging as a kill during the PDF's second pass leaves it
        ArchiveLocation location = new ArchiveLocation(output, "blog", "r1");
        stage(location, "posts.csv", "url,title\n");
        stage(location, "blog-r1.pdf.draft", "%PDF-1.7 first pass");
        stage(location, "blog-r1.pdf", "%PDF-1.7 half of the second");

        // when / then
        assertThatThrownBy(() -> publisher.publish(location, manifest(publisher.stagedFiles(location))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unfinished (blog-r1.pdf.draft is still a draft)");
        assertThat(location.published()).doesNotExist();
    }

    @Test
    void anArchiveAlreadyOutIsRecognisedAndAStagingWrittenAgainIsDiscarded() throws Exception {
        // given: a run published, then restarted before its commit, which wrote its files again
        ArchiveLocation location = new ArchiveLocation(output, "blog", "r1");
        stage(location, "posts.csv", "url,title\n");
        publisher.publish(location, manifest(publisher.stagedFiles(location)));
        stage(location, "posts.csv", "url,title\n");

        // when
        boolean published = publisher.isPublished(location);
        publisher.discardStaging(location);

        // then
        assertThat(published).isTrue();
        assertThat(location.staging()).doesNotExist();
        assertThat(location.published().resolve("manifest.json")).exists();
    }

    private static void stage(ArchiveLocation location, String name, String content) throws Exception {
        Files.createDirectories(location.staging());
        Files.writeString(location.staging().resolve(name), content);
    }

    private static Manifest manifest(List<Manifest.FileEntry> files) {
        return new Manifest(1, "blog", "Blog", "r1", "jobs/blog.yml", Map.of("run", "r1"), "snapshot",
                new Manifest.Window(null, "2026-01-01T00:00:00Z"), null, null, "2026-01-01T00:00:00Z",
                Map.of("exported", 0), List.of(), files);
    }
}
