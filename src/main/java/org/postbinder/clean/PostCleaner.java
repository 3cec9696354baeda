package org.postbinder.clean;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.postbinder.dedupe.CaptionDeduplicator;
import org.postbinder.extract.DateParser;
import org.postbinder.extract.ExtractedPost;
import org.postbinder.normalize.TextNormalizer;
import org.postbinder.store.FigurePlaces;
import org.postbinder.store.Post;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link ExtractedPost} into the archived {@link Post}: every text normalized, furniture
 * phrases and lone labels dropped, and captions kept once (as captions, not in the body).
 * Returns empty when nothing worth archiving is left (no title or no body). Thread-safe.
 */
@Component
public class PostCleaner {

    /** Column sizes of the posts table; longer values are cut (with an ellipsis) rather than failing the crawl. */
    static final int MAX_TITLE = 2000;
    static final int MAX_AUTHOR = 1000;
    static final int MAX_SITE_NAME = 500;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_URL = 2048;
    /**
     * More images than this make a gallery page rather than an article; the rest keep their
     * captions as text. Also bounds the posts table's figures column and the record's array.
     */
    static final int MAX_FIGURES = 100;

    private final BoilerplateFilter boilerplate = new BoilerplateFilter();
    private final CaptionDeduplicator captions = new CaptionDeduplicator();

    public Optional<Post> clean(ExtractedPost extracted, Instant fetchedAt) {
        Stages stages = stages(extracted);
        CaptionDeduplicator.Result deduplicated = stages.deduplicated();
        Optional<String> title = title(extracted);
        if (title.isEmpty() || deduplicated.paragraphs().isEmpty() || extracted.url().length() > MAX_URL) {
            return Optional.empty();
        }
        Byline.Taken bylined = Byline.takeFrom(withoutLeadingTitle(deduplicated.paragraphs(), title.get()));
        Dateline.Taken datelined = Dateline.takeFrom(bylined.body());
        List<String> body = datelined.body();
        // a canonical URL too long to key the post is worth less than the post: fall back to the URL
        String canonical = extracted.canonicalUrl().length() <= MAX_URL ? extracted.canonicalUrl() : extracted.url();
        return Optional.of(new Post(
                extracted.url(),
                canonical,
                cut(title.get(), MAX_TITLE),
                cut(Optional.ofNullable(normalized(extracted.author())).or(bylined::author).orElse(null), MAX_AUTHOR),
                extracted.publishedAt().orElse(null),
                extracted.modifiedAt().orElse(null),
                cut(normalized(extracted.siteName()), MAX_SITE_NAME),
                extracted.language().filter(language -> language.length() <= 16).orElse(null),
                cut(normalized(extracted.description()), MAX_DESCRIPTION),
                extracted.leadImage().filter(image -> image.length() <= MAX_URL).orElse(null),
                TextNormalizer.normalizeAll(extracted.tags()),
                body,
                deduplicated.captions(),
                DateParser.ISO.format(fetchedAt.atOffset(ZoneOffset.UTC)))
                .withFigures(figures(extracted, deduplicated.captions(), body))
                .withDateline(datelined.dateline().orElse(null)));
    }

    /**
     * The figures with their captions normalized as the post's captions are, and given as the
     * caption the post kept (deduplication may have kept another spelling of the same text), each
     * placed among the paragraphs that cleaning kept.
     */
    private List<Post.Figure> figures(ExtractedPost extracted, List<String> keptCaptions, List<String> body) {
        List<Post.Figure> found = extracted.figures().stream().filter(figure -> figure.image().length() <= MAX_URL)
                .map(figure -> new Post.Figure(figure.image(), Optional.ofNullable(figure.caption())
                        .map(TextNormalizer::normalize).flatMap(caption -> captions.keptAs(caption, keptCaptions))
                        .orElse(null), figure.before()))
                .limit(MAX_FIGURES)
                .toList();
        List<String> read = extracted.paragraphs().stream().map(TextNormalizer::normalize).toList();
        return FigurePlaces.moved(found, read, body);
    }

    /**
     * The blocks that {@link #clean} leaves out of the body, each with the reason: for
     * {@code extract --explain}, so that a user can see what was taken for furniture.
     */
    public List<Dropped> dropped(ExtractedPost extracted) {
        Stages stages = stages(extracted);
        List<Dropped> dropped = new ArrayList<>();
        stages.normalized().forEach(paragraph -> boilerplate.reason(paragraph, stages.labels())
                .ifPresent(reason -> dropped.add(new Dropped(paragraph, reason))));
        List<String> body = stages.deduplicated().paragraphs();
        stages.kept().stream().filter(paragraph -> !body.contains(paragraph)).forEach(paragraph ->
                dropped.add(new Dropped(paragraph, "a caption printed again in the body: kept once, as a caption")));
        title(extracted).filter(title -> body.size() > 1 && body.get(0).equalsIgnoreCase(title))
                .ifPresent(title -> dropped.add(new Dropped(body.get(0), "the headline, which is the post's title")));
        List<String> withoutTitle = title(extracted).map(title -> withoutLeadingTitle(body, title)).orElse(body);
        Byline.Taken bylined = Byline.takeFrom(withoutTitle);
        bylined.bylines().forEach(byline ->
                dropped.add(new Dropped(byline, "a byline: the writer's name goes to the author field when the page gives none")));
        Dateline.takeFrom(bylined.body()).dateline().ifPresent(dateline ->
                dropped.add(new Dropped(dateline, "a dateline: moved to the dateline field")));
        return dropped;
    }

    /** The body on its way through cleaning: normalized, without furniture, captions taken out once. */
    private record Stages(List<String> labels, List<String> normalized, List<String> kept,
                          CaptionDeduplicator.Result deduplicated) {}

    private Stages stages(ExtractedPost extracted) {
        List<String> labels = TextNormalizer.normalizeAll(extracted.labels());
        List<String> normalized = TextNormalizer.normalizeAll(extracted.paragraphs());
        List<String> kept = boilerplate.filter(normalized, labels);
        return new Stages(labels, normalized, kept,
                captions.deduplicate(kept, TextNormalizer.normalizeAll(extracted.captions())));
    }

    private static Optional<String> title(ExtractedPost extracted) {
        return extracted.title().map(TextNormalizer::normalize).filter(text -> !text.isEmpty());
    }

    /** A block left out of a post's body, and why. */
    public record Dropped(String text, String reason) {}

    /** The headline is often inside the article container; it is the post's title, not its first paragraph. */
    private static List<String> withoutLeadingTitle(List<String> paragraphs, String title) {
        if (paragraphs.size() > 1 && paragraphs.get(0).equalsIgnoreCase(title)) {
            return paragraphs.subList(1, paragraphs.size());
        }
        return paragraphs;
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    private static @Nullable String normalized(Optional<String> value) {
        return value.map(TextNormalizer::normalize).filter(text -> !text.isEmpty()).orElse(null);
    }
}
