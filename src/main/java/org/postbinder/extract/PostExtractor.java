package org.postbinder.extract;

import java.net.URI;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.postbinder.job.JobDefinition;
import org.springframework.stereotype.Component;

/**
 * Reads one parsed page into an {@link ExtractedPost}: metadata first (from the untouched page),
 * then the body, from the job's selectors when it gives them, else from the generic
 * {@link ContentExtractor}. No network and no state: the same page always gives the same post.
 * Thread-safe.
 */
@Component
public class PostExtractor {

    /** More article elements than this on one page make it a listing, not a post. */
    private static final int MAX_ARTICLES_ON_A_POST = 2;

    private final MetadataExtractor metadataExtractor = new MetadataExtractor();
    private final ContentExtractor contentExtractor = new ContentExtractor();

    public ExtractedPost extract(Document page, URI url, JobDefinition.Extract selectors) {
        PageMetadata metadata = metadataExtractor.extract(page, url, selectors);
        Document work = page.clone();
        selectors.remove().forEach(css -> work.select(css).remove());
        ExtractedBlocks blocks = BlockCollector.collect(body(work, selectors));
        boolean listing = page.select("article").size() > MAX_ARTICLES_ON_A_POST;
        boolean article = !listing && !blocks.paragraphs().isEmpty()
                && (metadata.declaredArticle() || metadata.publishedAt().isPresent());
        return new ExtractedPost(url.toString(), metadata.canonicalUrl(), metadata.title(), metadata.author(),
                metadata.publishedAt(), metadata.modifiedAt(), metadata.siteName(), metadata.language(),
                metadata.description(), metadata.leadImage(), metadata.tags(), metadata.labels(),
                blocks.paragraphs(), blocks.captions(), article);
    }

    private List<Element> body(Document work, JobDefinition.Extract selectors) {
        if (selectors.body().isPresent()) {
            List<Element> selected = work.select(selectors.body().get());
            selected.forEach(element -> element.select(Furniture.NEVER_CONTENT).remove());
            return selected;
        }
        ContentExtractor.removeFurniture(work.body());
        return contentExtractor.articleRoots(work);
    }
}
