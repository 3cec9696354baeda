package org.postbinder.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One archived post: the record that is stored and exported. Text fields are normalized; absent
 * values are null (they are exported as empty cells and JSON nulls). Immutable.
 *
 * @param publishedAt ISO-8601 with offset, e.g. {@code 2025-04-10T12:20:00+03:00}
 * @param fetchedAt   ISO-8601 in UTC
 * @param paragraphs  body blocks in reading order; {@link #body()} joins them with a blank line
 * @param aliases     the other URLs at which the store found the same article (print and AMP pages,
 *                    copies on other sites), sorted; never {@link #url()} or {@link #canonicalUrl()}
 * @param figures     the body's images in reading order, each with its caption (one of {@link #captions()})
 *                    or none
 * @param dateline    the place (and date, agency) news articles print before their first sentence, as
 *                    printed: {@code LONDON (Reuters)}; taken out of the body
 */
public record Post(
        String url,
        String canonicalUrl,
        String title,
        @Nullable String author,
        @Nullable String publishedAt,
        @Nullable String modifiedAt,
        @Nullable String siteName,
        @Nullable String language,
        @Nullable String description,
        @Nullable String leadImage,
        List<String> tags,
        List<String> paragraphs,
        List<String> captions,
        String fetchedAt,
        List<String> aliases,
        List<Figure> figures,
        @Nullable String dateline) {

    public Post {
        tags = List.copyOf(tags);
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
        aliases = List.copyOf(aliases);
        figures = List.copyOf(figures);
    }

    /**
     * One image of the post: its absolute URL, its caption or null when it has none, and its place:
     * the index of the paragraph it stands before ({@code paragraphs().size()} when it follows the last).
     */
    public record Figure(String image, @Nullable String caption, int beforeParagraph) {

        /** The same figure at another place. */
        public Figure at(int paragraph) {
            return new Figure(image, caption, paragraph);
        }
    }

    /** A post as read from one page, before the store has seen it anywhere else (no aliases), with no figures or dateline. */
    public Post(String url, String canonicalUrl, String title, @Nullable String author, @Nullable String publishedAt,
                @Nullable String modifiedAt, @Nullable String siteName, @Nullable String language,
                @Nullable String description, @Nullable String leadImage, List<String> tags, List<String> paragraphs,
                List<String> captions, String fetchedAt) {
        this(url, canonicalUrl, title, author, publishedAt, modifiedAt, siteName, language, description, leadImage, tags,
                paragraphs, captions, fetchedAt, List.of(), List.of(), null);
    }

    /**
     * The same post with other paragraphs and captions: {@code newParagraphs} are these with some left
     * out, and the figures stay where they were among those kept.
     */
    public Post withText(List<String> newParagraphs, List<String> newCaptions) {
        return new Post(url, canonicalUrl, title, author, publishedAt, modifiedAt, siteName, language, description, leadImage,
                tags, newParagraphs, newCaptions, fetchedAt, aliases, FigurePlaces.moved(figures, paragraphs, newParagraphs),
                dateline);
    }

    /** The same post with these figures. */
    public Post withFigures(List<Figure> newFigures) {
        return new Post(url, canonicalUrl, title, author, publishedAt, modifiedAt, siteName, language, description, leadImage,
                tags, paragraphs, captions, fetchedAt, aliases, newFigures, dateline);
    }

    /** The same post with this dateline. */
    public Post withDateline(@Nullable String newDateline) {
        return new Post(url, canonicalUrl, title, author, publishedAt, modifiedAt, siteName, language, description, leadImage,
                tags, paragraphs, captions, fetchedAt, aliases, figures, newDateline);
    }

    public String body() {
        return String.join("\n\n", paragraphs);
    }

    /** Words in the body, counted as runs of letters or digits (so CJK text counts per run, not per character). */
    public int wordCount() {
        return (int) body().codePoints().collect(WordCounter::new, WordCounter::accept, WordCounter::combine).words;
    }

    /**
     * SHA-256 (hex) of what a reader sees: title, captions and body. Metadata such as the fetch time
     * is left out, so that an unchanged article keeps its hash from one crawl to the next.
     */
    public String contentSha256() {
        return sha256(title + "\n\n" + String.join("\n", captions) + "\n\n" + body());
    }

    /** SHA-256 (hex) of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static final class WordCounter {
        private long words;
        private boolean inWord;

        void accept(int codePoint) {
            boolean wordChar = Character.isLetterOrDigit(codePoint);
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar;
        }

        void combine(WordCounter other) {
            words += other.words;
        }
    }
}
