package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.postbinder.support.WarcFiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class WarcRepairTest {

    @TempDir
    Path folder;

    private Path file;
    private byte[] whole;

    @BeforeEach
    void aWarcFileOfThreeExchanges() throws IOException {
        WarcArchive archive = new WarcArchive(folder, "harbour", "r1", 1 << 30, true);
        archive.open(new ExecutionContext());
        for (int post = 1; post <= 3; post++) {
            archive.record(exchange(post));
        }
        archive.close();
        file = archive.files().get(0);
        whole = Files.readAllBytes(file);
    }

    @Test
    void aWholeFileIsLeftAsItIs() throws IOException {
        assertThat(WarcRepair.repair(file)).isZero();

        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
        assertThat(WarcFiles.readToTheEnd(file)).hasSize(6);
    }

    @Test
    void aRecordCutShortByAKillIsCutOffAndTheRecordsBeforeItRemain() throws IOException {
        // given: the file as a kill leaves it, part-way through the last response record
        int lastResponse = startOfLastRecord();
        byte[] torn = Arrays.copyOf(whole, lastResponse + (whole.length - lastResponse) / 2);
        Files.write(file, torn);

        // when
        long cut = WarcRepair.repair(file);

        // then
        assertThat(cut).isEqualTo(torn.length - lastResponse);
        assertThat(WarcFiles.readToTheEnd(file)).hasSize(5).last().extracting(WarcRecord::type).isEqualTo("request");
    }

    @Test
    void bytesThatAreNotARecordAtTheEndAreCutOff() throws IOException {
        Files.write(file, "half a header\u0000\u001f".getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);

        assertThat(WarcRepair.repair(file)).isEqualTo(15);

        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    }

    @Test
    void theNextExecutionOfTheRunRepairsItsEarlierFilesBeforeWriting() throws IOException {
        // given: a torn file, left by a killed execution of run r1
        Files.write(file, Arrays.copyOf(whole, whole.length - 7));

        // when: the run restarts and records again
        WarcArchive restarted = new WarcArchive(folder, "harbour", "r1", 1 << 30, true);
        restarted.open(new ExecutionContext());
        restarted.record(exchange(4));
        restarted.close();

        // then: every file of the run reads to its end
        assertThat(restarted.files()).hasSize(2);
        assertThat(WarcFiles.readToTheEnd(restarted.files().get(0))).hasSize(5);
        assertThat(WarcFiles.readToTheEnd(restarted.files().get(1))).hasSize(2);
    }

    @Test
    void aRemoteWorkerWritesFilesOfItsOwnAndLeavesTheOthersAlone() throws IOException {
        // given: a torn file of the run, which another process may still be writing
        byte[] torn = Arrays.copyOf(whole, whole.length - 7);
        Files.write(file, torn);

        // when: worker w-1 records in the same folder
        WarcArchive worker = new WarcArchive(folder, "harbour", "r1", 1 << 30, true, "w-1");
        worker.open(new ExecutionContext());
        worker.record(exchange(4));
        worker.close();

        // then: it wrote a file of its own, numbered from its own first, and cut nothing
        assertThat(folder.resolve("harbour-r1.w-1-00000.warc.gz")).exists();
        assertThat(Files.readAllBytes(file)).isEqualTo(torn);
        assertThat(worker.files()).extracting(path -> path.getFileName().toString())
                .containsExactly("harbour-r1-00000.warc.gz", "harbour-r1.w-1-00000.warc.gz");
    }

    @Test
    void theJobsOwnProcessRepairsTheWorkersFilesToo() throws IOException {
        // given: a worker's file torn by a kill
        WarcArchive worker = new WarcArchive(folder, "harbour", "r1", 1 << 30, true, "w-1");
        worker.open(new ExecutionContext());
        worker.record(exchange(4));
        worker.close();
        Path workers = folder.resolve("harbour-r1.w-1-00000.warc.gz");
        byte[] written = Files.readAllBytes(workers);
        Files.write(workers, Arrays.copyOf(written, written.length - 7));

        // when: the run's own process opens the archive (the restart's first step)
        WarcArchive restarted = new WarcArchive(folder, "harbour", "r1", 1 << 30, true);
        restarted.open(new ExecutionContext());
        restarted.close();

        // then
        assertThat(WarcFiles.readToTheEnd(workers)).hasSize(1);
    }

    /** Where the last gzip member (the last response record) begins. */
    private int startOfLastRecord() {
        for (int i = whole.length - 2; i > 0; i--) {
            if ((whole[i] & 0xff) == 0x1f && (whole[i + 1] & 0xff) == 0x8b && i + 2 < whole.length && whole[i + 2] == 8) {
                return i;
            }
        }
        throw new AssertionError("no gzip member found");
    }

    private static Exchange exchange(int post) {
        String body = "<html><body><p>Harbour notes, part " + post + ": the ferry left at seven.</p>".repeat(40) + "</body></html>";
        return new Exchange(URI.create("https://harbour.example/blog/post-" + post + "/"), Instant.parse("2025-04-10T09:00:00Z"),
                Map.of("User-Agent", List.of("PostbinderTest/1.0")), 200,
                Map.of("Content-Type", List.of("text/html; charset=utf-8")), body.getBytes(StandardCharsets.UTF_8), false);
    }
}
