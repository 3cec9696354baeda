package org.postbinder.job;

import org.postbinder.media.ImageResult;
import org.postbinder.media.ImageTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Settles the fetched images' rows, in the chunk's transaction: a kill before the commit leaves
 * them pending, to be fetched again on restart (their files, if written, are found by hash). Every
 * image that is not stored is logged with its reason.
 */
class ImageResultWriter implements ItemWriter<ImageResult> {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final ImageTable images;
    private final String run;

    ImageResultWriter(ImageTable images, String run) {
        this.images = images;
        this.run = run;
    }

    @Override
    public void write(Chunk<? extends ImageResult> results) {
        for (ImageResult result : results) {
            long id = result.image().id();
            if (result.stored().isPresent()) {
                images.stored(id, run, result.stored().get());
            } else {
                log.info("  image {}  {}: {}", result.status() == ImageTable.Status.PENDING ? "not yet" : "skipped",
                        result.image().url(), result.reason());
                images.notStored(id, run, result.status(), result.reason());
            }
        }
    }
}
