package org.postbinder.extract;

import org.jspecify.annotations.Nullable;

/**
 * One image of a post's body, as found: its absolute URL, the caption printed with it (raw text,
 * one of the post's captions) or null when the image has none, and its place: the number of body
 * blocks read before it (so 0 is above the text, and the number of blocks is below it). Immutable.
 */
public record Figure(String image, @Nullable String caption, int before) {

    public Figure {
        if (image.isBlank()) {
            throw new IllegalArgumentException("a figure needs an image URL");
        }
        if (before < 0) {
            throw new IllegalArgumentException("a figure's place is a count of blocks: " + before);
        }
    }
}
