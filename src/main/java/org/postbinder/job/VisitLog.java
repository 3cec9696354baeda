package org.postbinder.job;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/** One line per visited URL, once its visit is committed: stored, read, skipped and why. */
class VisitLog implements ItemWriteListener<CrawlResult> {

    private final ProgressConsole console;

    VisitLog(ProgressConsole console) {
        this.console = console;
    }

    @Override
    public void afterWrite(Chunk<? extends CrawlResult> results) {
        for (CrawlResult result : results) {
            console.line(describe(result));
        }
    }

    private static String describe(CrawlResult result) {
        String url = result.entry().url().toString();
        return switch (result.status()) {
            case STORED -> "  stored      " + url + "  \"" + result.post().map(post -> post.title()).orElse("") + "\"";
            case SKIPPED -> "  skipped     " + url + "  (" + result.reason() + ")";
            case VISITED -> "  read        " + url + "  (" + result.links().size() + " links)";
            case NOT_A_POST -> "  not a post  " + url;
            case UNCHANGED -> "  unchanged   " + url;
            case PENDING -> "  retry later " + url + "  (" + result.reason() + ")";
        };
    }
}
