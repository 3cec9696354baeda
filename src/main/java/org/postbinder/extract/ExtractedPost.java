package org.postbinder.extract;

import java.util.List;
import java.util.Optional;

/**
 * One page read as a post, before cleaning: metadata as the page declared it and the body blocks
 * and captions as found (raw text, not yet normalized or deduplicated).
 *
 * @param url          the URL the page was fetched from
 * @param canonicalUrl the page's canonical URL, or {@code url} when it declares none
 * @param labels       category and section names shown on the page (furniture if seen in the body)
 * @param figures      the body's images in reading order, each with its caption when it has one
 * @param article      whether the page looks like one article rather than a listing or a plain page
 */
public record ExtractedPost(
        String url,
        String canonicalUrl,
        Optional<String> title,
        Optional<String> author,
        Optional<String> publishedAt,
        Optional<String> modifiedAt,
        Optional<String> siteName,
        Optional<String> language,
        Optional<String> description,
        Optional<String> leadImage,
        List<String> tags,
        List<String> labels,
        List<String> paragraphs,
        List<String> captions,
        List<Figure> figures,
        boolean article) {

    public ExtractedPost {
        tags = List.copyOf(tags);
        labels = List.copyOf(labels);
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
        figures = List.copyOf(figures);
    }
}
