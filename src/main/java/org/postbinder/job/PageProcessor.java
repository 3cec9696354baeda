package org.postbinder.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.postbinder.clean.PostCleaner;
import org.postbinder.crawl.DiscoveredLink;
import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.FetchOutcome;
import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FetchState;
import org.postbinder.crawl.FetchedPage;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.crawl.LinkDiscoverer;
import org.postbinder.crawl.RetrySchedule;
import org.postbinder.crawl.Scope;
import org.postbinder.crawl.SitemapReader;
import org.postbinder.extract.ExtractedPost;
import org.postbinder.extract.PostExtractor;
import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads a fetched URL: a sitemap or feed for the URLs it lists; a page for its links and, when it is
 * an article, its cleaned post. Links out of scope or beyond max-depth are dropped here. A page that
 * cannot be read is a skip with a reason, never an error that stops the crawl.
 */
class PageProcessor implements ItemProcessor<FetchedEntry, CrawlResult> {

    private final JobDefinition job;
    private final Scope scope;
    private final LinkDiscoverer discoverer;
    private final SitemapReader sitemaps;
    private final PostExtractor extractor;
    private final PostCleaner cleaner;
    private final RetrySchedule retries;
    private final PageBudget budget;

    PageProcessor(JobDefinition job, LinkDiscoverer discoverer, SitemapReader sitemaps, PostExtractor extractor,
                  PostCleaner cleaner, RetrySchedule retries, Duration readBudget) {
        this.job = job;
        this.scope = Scope.of(job);
        this.discoverer = discoverer;
        this.sitemaps = sitemaps;
        this.extractor = extractor;
        this.cleaner = cleaner;
        this.retries = retries;
        this.budget = new PageBudget(readBudget);
    }

    @Override
    public CrawlResult process(FetchedEntry fetched) {
        FrontierEntry entry = fetched.entry();
        Optional<FetchedPage> page = fetched.result().page();
        if (fetched.result().outcome() == FetchOutcome.NOT_MODIFIED) {
            // the page is as it was, and so are its links: they are followed again, so that the pages
            // behind an unchanged index are still checked (conditionally) for edits
            FetchState.Previous previous = fetched.previous();
            return new CrawlResult(entry, EntryStatus.UNCHANGED, "not modified since the last fetch",
                    followable(entry, previous.links()), Optional.empty()).fetchedWith(previous.validators());
        }
        if (page.isEmpty()) {
            return unfetched(entry, fetched.result());
        }
        return budget.read(entry, () -> read(entry, page.get()));
    }

    /** Reads a fetched page or listing; whatever goes wrong costs this one URL, with a reason. */
    private CrawlResult read(FrontierEntry entry, FetchedPage page) {
        try {
            CrawlResult result = switch (entry.kind()) {
                case SITEMAP, FEED -> listing(entry, page);
                case PAGE -> page(entry, page);
            };
            // validators answer for the URL that gave them: after a redirect they are not the queued URL's
            boolean redirected = !page.finalUrl().equals(page.url());
            return redirected ? result : result.fetchedWith(page.validators());
        } catch (RuntimeException e) {
            return CrawlResult.skipped(entry, "cannot read: " + e);
        } catch (StackOverflowError e) {
            // a page nested thousands of levels deep must cost one URL, not stop the crawl at every restart
            return CrawlResult.skipped(entry, "cannot read: the page is nested too deeply");
        }
    }

    /**
     * An image or archive that the server calls HTML: text in any encoding has almost no NUL and
     * control bytes in its first kilobytes, binary formats have plenty.
     */
    static boolean looksBinary(byte[] body) {
        int sample = Math.min(body.length, 4096);
        int controls = 0;
        for (int i = 0; i < sample; i++) {
            int b = body[i] & 0xff;
            if (b == 0 || b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) {
                controls++;
            }
        }
        return sample > 0 && controls > sample / 20;
    }

    /** A failure that may pass is tried again later, while the schedule allows; anything else is a skip. */
    private CrawlResult unfetched(FrontierEntry entry, FetchResult result) {
        String reason = result.outcome().name().toLowerCase(Locale.ROOT) + ": " + result.reason();
        if (result.outcome() == FetchOutcome.RETRY_LATER) {
            int failures = entry.failures() + 1;
            return retries.next(failures, result.retryAfter(), Instant.now())
                    .map(when -> CrawlResult.retryAt(entry, when, reason))
                    .orElseGet(() -> CrawlResult.skipped(entry, "failed: " + result.reason() + " (gave up after "
                            + failures + (failures == 1 ? " try)" : " tries)")));
        }
        return CrawlResult.skipped(entry, reason);
    }

    private CrawlResult listing(FrontierEntry entry, FetchedPage page) {
        SitemapReader.Listing listing = sitemaps.read(page);
        if (!listing.problem().isEmpty()) {
            return CrawlResult.skipped(entry, listing.problem());
        }
        return new CrawlResult(entry, EntryStatus.VISITED, "", followable(entry, listing.links()), Optional.empty());
    }

    private CrawlResult page(FrontierEntry entry, FetchedPage page) {
        if (!page.isHtml()) {
            return CrawlResult.skipped(entry, "not an HTML page: " + page.contentType());
        }
        if (looksBinary(page.body())) {
            return CrawlResult.skipped(entry, "binary data: served as " + page.contentType());
        }
        Document document = page.parse();
        List<DiscoveredLink> links = followable(entry, discoverer.discover(document));
        ExtractedPost extracted = extractor.extract(document, entry.url(), job.extract(), page.fetchedAt());
        if (!extracted.article() && job.extract().requireDate()) {
            return new CrawlResult(entry, EntryStatus.NOT_A_POST, "no dated article on the page", links, Optional.empty());
        }
        Optional<Post> post = cleaner.clean(extracted, page.fetchedAt());
        if (post.isEmpty()) {
            return new CrawlResult(entry, EntryStatus.NOT_A_POST, "no title or body text", links, Optional.empty());
        }
        return new CrawlResult(entry, EntryStatus.STORED, "", links, post);
    }

    /**
     * The links worth queueing: in scope, within max-depth, and for feeds, only those a start page
     * advertises (every WordPress post advertises its own comments feed).
     */
    private List<DiscoveredLink> followable(FrontierEntry from, List<DiscoveredLink> links) {
        if (job.sources().fromWarcs()) {
            // every captured page is a seed already; a link to anything else would only be "not in the WARC files"
            return List.of();
        }
        boolean fromTheWeb = !"file".equals(from.url().getScheme());
        return links.stream()
                // nothing found on the web, a page, sitemap or feed, may lead to the crawler's own disk
                .filter(link -> !fromTheWeb || !"file".equals(link.url().getScheme()))
                .filter(link -> link.kind() == EntryKind.PAGE ? scope.contains(link.url()) : scope.allowsListing(link.url()))
                .filter(link -> link.kind() != EntryKind.FEED || from.depth() == 0 || from.kind() != EntryKind.PAGE)
                .filter(link -> link.sameDepth() || from.depth() + 1 <= job.scope().maxDepth())
                .toList();
    }
}
