package org.postbinder.export;

import java.util.List;

import org.postbinder.store.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes every post to each format's file, and finishes the files when the step has written them
 * all. Finishing happens in {@link #afterStep}, where a failure still fails the step: Spring Batch
 * closes streams after the step's final status is saved, so an error while completing a file in
 * {@code close()} would go unnoticed and a broken archive would be published. (The step is saved
 * COMPLETED once before afterStep too, so a kill while finishing is covered by the export step
 * running again on every restart, and by publishing refusing a draft.)
 * Register it as the step's writer and as a listener.
 */
public class ArchiveWriters implements ItemStreamWriter<Post>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ArchiveWriters.class);

    private final List<ArchiveFileWriter> writers;

    public ArchiveWriters(List<ArchiveFileWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    @Override
    public void open(ExecutionContext context) {
        writers.forEach(writer -> writer.open(context));
    }

    @Override
    public void write(Chunk<? extends Post> posts) throws Exception {
        for (ArchiveFileWriter writer : writers) {
            writer.write(posts);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return stepExecution.getExitStatus();
        }
        try {
            for (ArchiveFileWriter writer : writers) {
                writer.finish();
            }
            return stepExecution.getExitStatus();
        } catch (Exception e) {
            stepExecution.setStatus(BatchStatus.FAILED);
            stepExecution.addFailureException(e);
            return ExitStatus.FAILED.addExitDescription(e);
        }
    }

    /**
     * Releases every writer's file. The export's outcome was decided in {@link #afterStep}; a file
     * that cannot be released (its disk is full, say) lies in the staging folder, which is never
     * published and is cleared by the next try, and its error would only hide the real failure.
     */
    @Override
    public void close() {
        for (ArchiveFileWriter writer : writers) {
            try {
                writer.close();
            } catch (RuntimeException e) {
                log.debug("could not release an archive file", e);
            }
        }
    }
}
