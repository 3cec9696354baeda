package org.postbinder.export;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.postbinder.store.Post;

/**
 * The exported form of a post, field for field as it appears in {@code posts.json} (and, lists
 * joined, in {@code posts.csv}). The order of the components is the order of the output: fields
 * added in a later version of the record come last.
 */
public record PostRecord(
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
        List<String> captions,
        List<String> paragraphs,
        String body,
        int wordCount,
        String fetchedAt,
        String contentSha256,
        List<String> aliases,
        List<Post.Figure> figures,
        @Nullable String dateline) {

    public static PostRecord of(Post post) {
        return new PostRecord(post.url(), post.canonicalUrl(), post.title(), post.author(), post.publishedAt(),
                post.modifiedAt(), post.siteName(), post.language(), post.description(), post.leadImage(), post.tags(),
                post.captions(), post.paragraphs(), post.body(), post.wordCount(), post.fetchedAt(), post.contentSha256(),
                post.aliases(), post.figures(), post.dateline());
    }
}
