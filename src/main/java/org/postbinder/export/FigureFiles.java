package org.postbinder.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the stored file of a figure's image is: empty when the image was not fetched, or was
 * skipped. Implementations must be safe to call from the export's thread for each figure.
 */
@FunctionalInterface
public interface FigureFiles {

    /** No images: every caption is set as text. */
    FigureFiles NONE = url -> Optional.empty();

    Optional<Path> find(String imageUrl);
}
