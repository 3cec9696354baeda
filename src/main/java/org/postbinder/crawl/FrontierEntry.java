package org.postbinder.crawl;

import java.net.URI;

/** One URL waiting in a run's frontier, and how many times fetching it has failed for now. */
public record FrontierEntry(long id, URI url, EntryKind kind, int depth, int failures) {}
