package org.postbinder.clean;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.postbinder.dedupe.CaptionDeduplicator;
import org.postbinder.extract.DateParser;
import org.postbinder.extract.ExtractedPost;
import org.postbinder.normalize.TextNormalizer;
import org.postbinder.store.Post;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link ExtractedPost} into the archived {@link Post}: every text normalized, furniture
 * phrases and lone labels dropped, and captions kept once (as captions, not in the body).
 * Returns empty when nothing worth archiving is left (no title or no body). Thread-safe.
 */
@Component
public class PostCleaner {

    private final BoilerplateFilter boilerplate = new BoilerplateFilter();
    private final CaptionDeduplicator captions = new CaptionDeduplicator();

    public Optional<Post> clean(ExtractedPost extracted, Instant fetchedAt) {
        List<String> labels = TextNormalizer.normalizeAll(extracted.labels());
        List<String> paragraphs = boilerplate.filter(TextNormalizer.normalizeAll(extracted.paragraphs()), labels);
        CaptionDeduplicator.Result deduplicated = captions.deduplicate(paragraphs,
                TextNormalizer.normalizeAll(extracted.captions()));
        Optional<String> title = extracted.title().map(TextNormalizer::normalize).filter(text -> !text.isEmpty());
        if (title.isEmpty() || deduplicated.paragraphs().isEmpty()) {
            return Optional.empty();
        }
        List<String> body = withoutLeadingTitle(deduplicated.paragraphs(), title.get());
        return Optional.of(new Post(
                extracted.url(),
                extracted.canonicalUrl(),
                title.get(),
                normalized(extracted.author()),
                extracted.publishedAt().orElse(null),
                extracted.modifiedAt().orElse(null),
                normalized(extracted.siteName()),
                extracted.language().orElse(null),
                normalized(extracted.description()),
                extracted.leadImage().orElse(null),
                TextNormalizer.normalizeAll(extracted.tags()),
                body,
                deduplicated.captions(),
                DateParser.ISO.format(fetchedAt.atOffset(ZoneOffset.UTC))));
    }

    /** The headline is often inside the article container; it is the post's title, not its first paragraph. */
    private static List<String> withoutLeadingTitle(List<String> paragraphs, String title) {
        if (paragraphs.size() > 1 && paragraphs.get(0).equalsIgnoreCase(title)) {
            return paragraphs.subList(1, paragraphs.size());
        }
        return paragraphs;
    }

    private static String normalized(Optional<String> value) {
        return value.map(TextNormalizer::normalize).filter(text -> !text.isEmpty()).orElse(null);
    }
}
