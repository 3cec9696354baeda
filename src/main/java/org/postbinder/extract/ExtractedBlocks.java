package org.postbinder.extract;

import java.util.List;

/** The body blocks and captions read from an article container, raw (not yet normalized). */
record ExtractedBlocks(List<String> paragraphs, List<String> captions) {
    ExtractedBlocks {
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
    }
}
