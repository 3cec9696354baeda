package org.postbinder.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Embedded posts and players (a tweet, an Instagram or Facebook post, a YouTube or Vimeo player) are
 * not the article's text and would be dropped as furniture; but a quoted tweet is part of the story.
 * Before anything else reads the page, each embed becomes a plain figure whose caption says what was
 * there, so that the post keeps it once, as a caption: the embed's own caption when its figure has
 * one, else "Embedded post: ..." with the post's text, else "Embedded video: ..." with the player's
 * title. An embed with nothing to say (a like button, a comment form) is left to the furniture rules.
 */
final class Embeds {

    static final String EMBEDDED_POST = "Embedded post: ";
    static final String EMBEDDED_VIDEO = "Embedded video: ";
    static final int MAX_CHARS = 600;

    private static final String POSTS = "blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, "
            + "blockquote.tiktok-embed, blockquote.bluesky-embed, blockquote.mastodon-embed, blockquote.threads-post, "
            + "div.fb-post, blockquote.fb-xfbml-parse-ignore";
    private static final Pattern VIDEO_HOST = Pattern.compile("(?i)//([^/]*\\.)?(youtube(-nocookie)?|youtu|vimeo|dailymotion"
            + "|player\\.twitch|rutube|vk|bilibili|wistia|brightcove|jwplayer)\\.");
    /** Titles that players give themselves, which say nothing about the video. */
    private static final Pattern GENERIC_TITLE = Pattern.compile("(?i)(youtube|vimeo)?\\s*(video )?(player|embed|video)\\s*\\d*");

    private Embeds() {
    }

    static void replaceWithCaptions(Document page) {
        for (Element post : page.select(POSTS)) {
            caption(post, ownCaption(post).or(() -> text(post).map(text -> EMBEDDED_POST + text)));
        }
        for (Element player : page.select("iframe[src]")) {
            if (VIDEO_HOST.matcher(player.attr("src")).find()) {
                caption(player, ownCaption(player).or(() -> title(player).map(title -> EMBEDDED_VIDEO + title)));
            }
        }
    }

    /** Puts the caption in the place of the embed, or of the figure around it; an embed already replaced with its figure is left. */
    private static void caption(Element embed, Optional<String> caption) {
        if (embed.parent() == null) {
            return;
        }
        Element figure = embed.closest("figure");
        Element replaced = figure == null ? embed : figure;
        caption.map(Embeds::cut).ifPresent(text -> {
            Element placeholder = new Element("figure");
            placeholder.appendElement("figcaption").text(text);
            replaced.replaceWith(placeholder);
        });
    }

    /** The caption the site wrote for the embed, in the figure around it. */
    private static Optional<String> ownCaption(Element embed) {
        Element figure = embed.closest("figure");
        return Optional.ofNullable(figure == null ? null : figure.selectFirst("figcaption"))
                .map(Element::text).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Optional<String> text(Element post) {
        return Optional.of(post.text().strip()).filter(text -> text.codePoints().anyMatch(Character::isLetter));
    }

    private static Optional<String> title(Element player) {
        String title = player.attr("title").strip();
        return title.isEmpty() || GENERIC_TITLE.matcher(title.toLowerCase(Locale.ROOT)).matches() ? Optional.empty()
                : Optional.of(title);
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
