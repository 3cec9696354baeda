package org.postbinder.export;

import java.io.IOException;

import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes one file of an archive. {@link #finish()} completes the file (closing brackets, the PDF's
 * front matter) and is called once every post is written; {@link #close()} only releases what is
 * open, so a failed export leaves an unfinished file in the staging folder, never a finished-looking one.
 */
public interface ArchiveFileWriter extends ItemStreamWriter<Post> {

    void finish() throws IOException;
}
