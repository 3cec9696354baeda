package org.postbinder.crawl;

/** Keeps a copy of every HTTP exchange of a crawl (see {@link WarcArchive}). Implementations are thread-safe. */
@FunctionalInterface
public interface ExchangeRecorder {

    ExchangeRecorder NONE = exchange -> { };

    void record(Exchange exchange);
}
