package org.postbinder.media;

import java.util.Optional;

/**
 * What fetching one queued image came to: stored (with the stored image), skipped for good, or
 * still pending after a failure that may pass (a 503, a timeout), with the reason ("kind: detail").
 */
public record ImageResult(QueuedImage image, ImageTable.Status status, Optional<ImageTable.StoredImage> stored,
                          String reason) {

    public static ImageResult stored(QueuedImage image, ImageTable.StoredImage stored) {
        return new ImageResult(image, ImageTable.Status.STORED, Optional.of(stored), "");
    }

    public static ImageResult skipped(QueuedImage image, String reason) {
        return new ImageResult(image, ImageTable.Status.SKIPPED, Optional.empty(), reason);
    }

    public static ImageResult later(QueuedImage image, String reason) {
        return new ImageResult(image, ImageTable.Status.PENDING, Optional.empty(), reason);
    }
}
