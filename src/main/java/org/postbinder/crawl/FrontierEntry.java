package org.postbinder.crawl;

import java.net.URI;

/** One URL waiting in a run's frontier. */
public record FrontierEntry(long id, URI url, EntryKind kind, int depth) {}
