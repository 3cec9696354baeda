package org.postbinder.extract;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.postbinder.job.JobDefinition;
import org.springframework.stereotype.Component;

/**
 * Reads one parsed page into an {@link ExtractedPost}: metadata first (from the untouched page),
 * then the body, from the job's selectors when it gives them, else from the generic
 * {@link ContentExtractor}, then the language ({@link PostLanguage}: declared, or detected from the body). No network and no state: the same page always gives the same post.
 * Thread-safe.
 */
@Component
public class PostExtractor {

    /** Headings that link to other pages: a listing shows one per teaser, a post at most one (its own). */
    private static final String TEASER_HEADINGS = "h1 a[href], h2 a[href], h3 a[href], h4 a[href], "
            + "a[href]:has(> h1, > h2, > h3, > h4)";
    private static final int MIN_TEASERS_ON_A_LISTING = 2;

    private final MetadataExtractor metadataExtractor = new MetadataExtractor();
    private final ContentExtractor contentExtractor = new ContentExtractor();

    /** The post on a page fetched at {@code fetchedAt} (which dates such as "2 hours ago" count from). */
    public ExtractedPost extract(Document page, URI url, JobDefinition.Extract selectors, Instant fetchedAt) {
        return read(page, url, selectors, fetchedAt, new FieldSources()).post();
    }

    /**
     * The post as {@link #extract} reads it, with where each metadata field came from and which
     * elements held the body: what {@code extract --explain} shows to someone tuning a job.
     */
    public Explanation explain(Document page, URI url, JobDefinition.Extract selectors, Instant fetchedAt) {
        FieldSources sources = new FieldSources();
        Read read = read(page, url, selectors, fetchedAt, sources);
        return new Explanation(read.post(), sources.chosen(),
                selectors.body().map(css -> "the job's body selector " + css).orElse("the generic extractor's content scoring"),
                read.roots().stream().map(Element::cssSelector).toList());
    }

    /** What {@link #explain} tells. */
    public record Explanation(ExtractedPost post, Map<String, String> fieldSources, String bodyMethod,
                              List<String> bodyElements) {}

    private record Read(ExtractedPost post, List<Element> roots) {}

    private Read read(Document page, URI url, JobDefinition.Extract selectors, Instant fetchedAt, FieldSources sources) {
        PageMetadata metadata = metadataExtractor.extract(page, url, selectors, fetchedAt, sources);
        Document work = page.clone();
        selectors.remove().forEach(css -> work.select(css).remove());
        Embeds.replaceWithCaptions(work);
        List<Element> roots = body(work, selectors);
        ExtractedBlocks blocks = BlockCollector.collect(roots, roots.isEmpty() ? null : roots.get(0).closest("article, main"));
        // with site selectors the page keeps its furniture, so teasers are only counted in the body they chose
        boolean listing = !metadata.declaredArticle()
                && isListing(selectors.body().isPresent() ? roots : List.of(work), url, metadata.canonicalUrl());
        boolean article = !listing && !blocks.paragraphs().isEmpty()
                && (metadata.declaredArticle() || metadata.publishedAt().isPresent());
        return new Read(new ExtractedPost(url.toString(), metadata.canonicalUrl(), metadata.title(), metadata.author(),
                metadata.publishedAt(), metadata.modifiedAt(), metadata.siteName(),
                PostLanguage.of(metadata.language(), blocks.paragraphs(), sources),
                metadata.description(), metadata.leadImage(), metadata.tags(), metadata.labels(),
                blocks.paragraphs(), blocks.captions(), blocks.figures(), article), roots);
    }

    /** Counted after furniture is gone, so related-post and "most read" blocks do not make a post a listing. */
    private static boolean isListing(List<? extends Element> scopes, URI url, String canonicalUrl) {
        long teasers = scopes.stream().flatMap(scope -> scope.select(TEASER_HEADINGS).stream())
                .map(link -> link.absUrl("href"))
                .filter(target -> !target.isEmpty() && !target.equals(url.toString()) && !target.equals(canonicalUrl))
                .distinct()
                .count();
        return teasers >= MIN_TEASERS_ON_A_LISTING;
    }

    private List<Element> body(Document work, JobDefinition.Extract selectors) {
        if (selectors.body().isPresent()) {
            List<Element> selected = work.select(selectors.body().get());
            selected.forEach(element -> element.select(Furniture.NEVER_CONTENT + ", " + Furniture.USUALLY_FURNITURE).remove());
            return selected;
        }
        ContentExtractor.removeFurniture(work.body());
        return contentExtractor.articleRoots(work);
    }
}
