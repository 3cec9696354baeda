package org.postbinder.job;

import org.postbinder.crawl.Frontier;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/** One line per visited URL, once its visit is written: stored, read, skipped and why, as the frontier has it. */
class VisitLog implements ItemWriteListener<CrawlResult> {

    private final ProgressConsole console;
    private final Frontier frontier;

    VisitLog(ProgressConsole console, Frontier frontier) {
        this.console = console;
        this.frontier = frontier;
    }

    @Override
    public void afterWrite(Chunk<? extends CrawlResult> results) {
        for (CrawlResult result : results) {
            console.line(describe(result, frontier.completion(result.entry().id())));
        }
    }

    private static String describe(CrawlResult result, Frontier.Completion completion) {
        String url = result.entry().url().toString();
        return switch (completion.status()) {
            case STORED -> "  stored      " + url + "  \"" + result.post().map(post -> post.title()).orElse("") + "\"";
            case DUPLICATE -> "  duplicate   " + url + "  (" + completion.reason() + ")";
            case SKIPPED -> "  skipped     " + url + "  (" + result.reason() + ")";
            case VISITED -> "  read        " + url + "  (" + result.links().size() + " links)";
            case NOT_A_POST -> "  not a post  " + url;
            case UNCHANGED -> "  unchanged   " + url;
            case PENDING -> "  retry later " + url + "  (" + result.reason() + ")";
        };
    }
}
