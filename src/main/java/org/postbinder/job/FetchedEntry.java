package org.postbinder.job;

import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FrontierEntry;

/** A frontier URL and what fetching it gave. */
record FetchedEntry(FrontierEntry entry, FetchResult result) {}
