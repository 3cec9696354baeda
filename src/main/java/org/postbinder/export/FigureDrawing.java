package org.postbinder.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.pdf.xobject.PdfImageXObject;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import org.postbinder.store.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.postbinder.export.ArchivalPdf.BODY_WIDTH;

/**
 * Sets a post's figures whose images are stored: each image scaled to the text width and at most
 * {@value #MAX_HEIGHT} pt high (never enlarged past its size at 96 dpi), its caption under it, the
 * two kept on one page. An image iText cannot read is left out, and its caption stays text.
 * <p>
 * iText writes a page out once the next is begun, but keeps the images on it (their bytes) until
 * the document closes: with photos on one post in seven, a volume held about 9 KB more a post, some
 * 900 MB for 100,000 posts. {@link #writeOutDrawn()} writes the images that are drawn so far to the
 * file and lets go of them. Not thread-safe.
 */
final class FigureDrawing {

    private static final Logger log = LoggerFactory.getLogger(FigureDrawing.class);
    /** Half an A4 page of text: a tall portrait photo leaves room for its caption and some text. */
    static final float MAX_HEIGHT = 360;
    /** Pixels to points at the 96 dpi that web pages are laid out for. */
    private static final float POINTS_PER_PIXEL = 0.75f;

    private final FigureFiles files;
    /** The images added and not written out yet. */
    private final List<PdfImageXObject> added = new ArrayList<>();

    FigureDrawing(FigureFiles files) {
        this.files = files;
    }

    /**
     * Writes the images that are drawn on a page by now to the file, and lets go of their bytes;
     * the others stay for a later call. iText draws an element when its page is laid out, which may
     * be after the next element is added, and only a drawn image belongs to the document (it has an
     * indirect reference): a written one can no longer be drawn.
     */
    void writeOutDrawn() {
        added.removeIf(image -> {
            if (image.getPdfObject().getIndirectReference() == null) {
                return false;
            }
            image.flush();
            return true;
        });
    }

    /** What one post has set so far, so that each image and each caption appears once. */
    static final class Shown {
        private final Set<String> images = new HashSet<>();
        private final Set<String> captions = new HashSet<>();
    }

    /**
     * Adds a figure at the current place: its image with its caption under it, or, when the image
     * was not stored or cannot be read, the caption alone, still at the figure's place.
     */
    void add(Document document, Post.Figure figure, Shown shown) {
        if (!shown.images.add(figure.image())) {
            return;
        }
        String caption = figure.caption() != null && shown.captions.add(figure.caption()) ? figure.caption() : null;
        Optional<Image> image = files.find(figure.image()).flatMap(FigureDrawing::image);
        if (image.isPresent()) {
            added.add((PdfImageXObject) image.get().getXObject());
            document.add(block(image.get(), caption));
        } else if (caption != null) {
            document.add(PostSection.captionBlock(caption));
        }
    }

    private static Div block(Image image, String caption) {
        Div block = new Div().setKeepTogether(true).setMarginTop(8).setMarginBottom(4);
        block.add(image);
        if (caption != null) {
            block.add(PostSection.caption(caption).setMarginTop(3));
        }
        return block;
    }

    private static Optional<Image> image(Path file) {
        try {
            Image image = new Image(new PdfImageXObject(ImageDataFactory.create(Files.readAllBytes(file))));
            float width = image.getImageWidth() * POINTS_PER_PIXEL;
            float height = image.getImageHeight() * POINTS_PER_PIXEL;
            float scale = Math.min(1, Math.min(BODY_WIDTH / width, MAX_HEIGHT / height));
            return Optional.of(image.scaleAbsolute(width * scale, height * scale));
        } catch (IOException | RuntimeException e) {
            // a damaged or vanished file costs the picture, never the export
            log.warn("image {} left out of the PDF: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
