package org.postbinder.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Empties a run's staging folder before the export step writes into it, so that a restarted export
 * starts from clean files instead of appending to the ones a crash left behind.
 */
public class StagingFolder implements StepExecutionListener {

    private final ArchiveLocation location;

    public StagingFolder(ArchiveLocation location) {
        this.location = location;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        delete(location.staging());
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder, e);
        }
    }
}
