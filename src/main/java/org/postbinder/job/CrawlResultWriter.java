package org.postbinder.job;

import org.postbinder.crawl.CrawlRuns;
import org.postbinder.crawl.DiscoveredLink;
import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.EntryStatus;
import org.postbinder.crawl.FetchState;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.UrlShape;
import org.postbinder.media.FigureQueue;
import org.postbinder.store.PostRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Commits what a visit produced, in the chunk's one transaction: the new links join the frontier
 * (up to max-pages per run, and max-per-pattern URLs of one shape), the post is saved (updating the
 * row of its canonical URL if there is one, or adding the URL to the aliases of the article it
 * copies), its images are queued for the fetch step, and the URL is marked done. The partitions of a run
 * write in turn, holding the run's lock until they commit. A crash before the commit leaves the URL PENDING, to be visited
 * again on restart; a crash after it leaves nothing to redo.
 */
class CrawlResultWriter implements ItemWriter<CrawlResult> {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");
    /** Enough sitemaps and feeds for the largest news site's archive. */
    static final int MAX_LISTINGS = 1_000;

    private final Frontier frontier;
    private final CrawlRuns runs;
    private final PostRepository posts;
    private final String job;
    private final String run;
    private final int maxPages;
    private final int maxPerPattern;
    private final FetchState state;
    private final FigureQueue figures;

    CrawlResultWriter(Frontier frontier, CrawlRuns runs, PostRepository posts, FetchState state, FigureQueue figures,
                      String job, String run, int maxPages, int maxPerPattern) {
        this.figures = figures;
        this.frontier = frontier;
        this.runs = runs;
        this.state = state;
        this.posts = posts;
        this.job = job;
        this.run = run;
        this.maxPages = maxPages;
        this.maxPerPattern = maxPerPattern;
    }

    @Override
    public void write(Chunk<? extends CrawlResult> results) {
        // the run's partitions write one at a time: the counts below are then exact; they are read
        // once per chunk (and shape) and kept up here as links are added
        runs.lock(job, run);
        int room = maxPages - frontier.countPages(job, run);
        Map<String, Integer> shapes = new HashMap<>();
        for (CrawlResult result : results) {
            for (DiscoveredLink link : result.links()) {
                boolean isPage = link.kind() == EntryKind.PAGE;
                if (isPage ? room <= 0 || unchangedSinceFetched(link) : tooManyListings()) {
                    continue;
                }
                String shape = UrlShape.of(link.url());
                int ofShape = shapes.computeIfAbsent(shape, key -> frontier.countShape(job, run, key));
                if (isTrap(link, ofShape)) {
                    continue;
                }
                int depth = link.sameDepth() ? result.entry().depth() : result.entry().depth() + 1;
                if (frontier.add(job, run, link.url(), link.kind(), depth, result.entry().url().toString())) {
                    shapes.put(shape, ofShape + 1);
                    room -= isPage ? 1 : 0;
                }
            }
            String url = result.entry().url().toString();
            result.fetched().ifPresent(validators -> state.remember(job, url, validators, result.links(), Instant.now()));
            Optional<PostRepository.Saved> saved = result.post().map(post -> posts.save(job, run, post));
            if (saved.filter(save -> save.result() != PostRepository.SaveResult.DUPLICATE).isPresent()) {
                figures.queue(job, run, result.post().get());
            }
            if (result.retryAt().isPresent()) {
                frontier.retryLater(result.entry().id(), result.retryAt().get(), result.reason());
            } else {
                complete(result, saved);
            }
        }
    }

    /** Marks the URL done; a post that was not stored as such says why, in the status the run summary counts. */
    private void complete(CrawlResult result, Optional<PostRepository.Saved> saved) {
        long id = result.entry().id();
        PostRepository.SaveResult outcome = saved.map(PostRepository.Saved::result).orElse(null);
        if (outcome == PostRepository.SaveResult.UNCHANGED) {
            frontier.complete(id, EntryStatus.UNCHANGED, "the text is stored already, unchanged");
        } else if (outcome == PostRepository.SaveResult.DUPLICATE) {
            frontier.complete(id, EntryStatus.DUPLICATE, "duplicate of " + saved.get().canonicalUrl());
        } else {
            frontier.complete(id, result.status(), result.reason());
        }
    }

    /**
     * Sitemaps and feeds a run may read: a sitemap index that lists sitemap indexes without end
     * must not keep a crawl going for ever.
     */
    private boolean tooManyListings() {
        return frontier.countListings(job, run) >= MAX_LISTINGS;
    }

    /** A sitemap entry whose lastmod is older than our last fetch of it has nothing new to give. */
    private boolean unchangedSinceFetched(DiscoveredLink link) {
        return link.lastModified().isPresent() && state.lastFetched(job, link.url().toString())
                .filter(fetched -> !fetched.isBefore(link.lastModified().get())).isPresent();
    }

    /** One URL shape (an endless calendar, session ids) may produce only so many URLs per run. */
    private boolean isTrap(DiscoveredLink link, int ofShape) {
        if (ofShape < maxPerPattern) {
            return false;
        }
        log.info("  trap guard  not queueing {}: {} URLs of its shape already", link.url(), maxPerPattern);
        return true;
    }
}
