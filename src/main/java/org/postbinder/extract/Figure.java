package org.postbinder.extract;

import org.jspecify.annotations.Nullable;

/**
 * One image of a post's body, as found: its absolute URL and the caption printed with it (raw text,
 * one of the post's captions), or null when the image has none. Immutable.
 */
public record Figure(String image, @Nullable String caption) {

    public Figure {
        if (image.isBlank()) {
            throw new IllegalArgumentException("a figure needs an image URL");
        }
    }
}
