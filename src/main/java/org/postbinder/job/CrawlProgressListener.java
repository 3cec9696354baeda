package org.postbinder.job;

import org.postbinder.crawl.EntryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/** Prints one line per visited URL as it is written, so that a long crawl shows its progress. */
class CrawlProgressListener implements ItemWriteListener<CrawlResult> {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    @Override
    public void afterWrite(Chunk<? extends CrawlResult> results) {
        for (CrawlResult result : results) {
            String url = result.entry().url().toString();
            switch (result.status()) {
                case STORED -> log.info("  stored      {}  \"{}\"", url, result.post().map(p -> p.title()).orElse(""));
                case SKIPPED -> log.info("  skipped     {}  ({})", url, result.reason());
                case VISITED -> log.info("  read        {}  ({} links)", url, result.links().size());
                case NOT_A_POST -> log.info("  not a post  {}", url);
                case UNCHANGED -> log.info("  unchanged   {}", url);
                case PENDING -> { }
            }
        }
    }
}
