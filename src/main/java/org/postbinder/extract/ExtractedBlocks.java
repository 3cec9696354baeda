package org.postbinder.extract;

import java.util.List;

/** The body blocks, captions and figures read from an article container, raw (not yet normalized). */
record ExtractedBlocks(List<String> paragraphs, List<String> captions, List<Figure> figures) {
    ExtractedBlocks {
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
        figures = List.copyOf(figures);
    }
}
