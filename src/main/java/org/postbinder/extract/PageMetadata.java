package org.postbinder.extract;

import java.util.List;
import java.util.Optional;

/**
 * What a page says about itself, before the body is looked at. Optional fields are empty when no
 * source on the page gave them. {@code labels} are category and section names shown on the page
 * (they are furniture when they turn up in the body); {@code articleSignals} counts the independent
 * signs that the page is one article rather than a listing.
 */
record PageMetadata(
        Optional<String> title,
        Optional<String> author,
        Optional<String> publishedAt,
        Optional<String> modifiedAt,
        Optional<String> siteName,
        Optional<String> language,
        String canonicalUrl,
        Optional<String> description,
        Optional<String> leadImage,
        List<String> tags,
        List<String> labels,
        boolean declaredArticle) {

    PageMetadata {
        tags = List.copyOf(tags);
        labels = List.copyOf(labels);
    }
}
