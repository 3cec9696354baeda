package org.postbinder.job;

import org.postbinder.crawl.DiscoveredLink;
import org.postbinder.crawl.EntryKind;
import org.postbinder.crawl.Frontier;
import org.postbinder.store.PostRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Commits what a visit produced, in the chunk's one transaction: the new links join the frontier
 * (up to max-pages per run), the post is saved (updating the row of its canonical URL if there is
 * one) and the URL is marked done. A crash before the commit leaves the URL PENDING, to be visited
 * again on restart; a crash after it leaves nothing to redo.
 */
class CrawlResultWriter implements ItemWriter<CrawlResult> {

    private final Frontier frontier;
    private final PostRepository posts;
    private final String job;
    private final String run;
    private final int maxPages;

    CrawlResultWriter(Frontier frontier, PostRepository posts, String job, String run, int maxPages) {
        this.frontier = frontier;
        this.posts = posts;
        this.job = job;
        this.run = run;
        this.maxPages = maxPages;
    }

    @Override
    public void write(Chunk<? extends CrawlResult> results) {
        for (CrawlResult result : results) {
            int room = maxPages - frontier.countPages(job, run);
            for (DiscoveredLink link : result.links()) {
                boolean isPage = link.kind() == EntryKind.PAGE;
                if (isPage && room <= 0) {
                    continue;
                }
                int depth = link.sameDepth() ? result.entry().depth() : result.entry().depth() + 1;
                if (frontier.add(job, run, link.url(), link.kind(), depth, result.entry().url().toString()) && isPage) {
                    room--;
                }
            }
            result.post().ifPresent(post -> posts.save(job, run, post));
            frontier.complete(result.entry().id(), result.status(), result.reason());
        }
    }
}
