package org.postbinder.store;

import java.util.List;

/**
 * Keeps figures at their places when a post's paragraphs change: cleaning and site-furniture
 * removal drop paragraphs, and a dateline is cut off the start of the first. A figure stays after
 * the paragraphs that were before it and are still there.
 */
public final class FigurePlaces {

    /** A shorter tail is too common ("Yes.") to say that a paragraph was kept as its end. */
    private static final int MIN_TAIL = 20;

    private FigurePlaces() {
    }

    /**
     * The figures placed among {@code after}, given their places among {@code before}: {@code after}
     * is {@code before} with paragraphs left out, and perhaps some kept only as their tail.
     */
    public static List<Post.Figure> moved(List<Post.Figure> figures, List<String> before, List<String> after) {
        int[] kept = keptBefore(before, after);
        return figures.stream()
                .map(figure -> figure.at(kept[Math.min(figure.beforeParagraph(), before.size())]))
                .toList();
    }

    /** For each place among {@code before} (0 to its size), how many paragraphs of {@code after} come before it. */
    private static int[] keptBefore(List<String> before, List<String> after) {
        int[] kept = new int[before.size() + 1];
        int next = 0;
        for (int i = 0; i < before.size(); i++) {
            if (next < after.size() && isKeptAs(before.get(i), after.get(next))) {
                next++;
            }
            kept[i + 1] = next;
        }
        return kept;
    }

    private static boolean isKeptAs(String paragraph, String kept) {
        return paragraph.equals(kept) || (kept.length() >= MIN_TAIL && paragraph.endsWith(kept));
    }
}
