package org.postbinder.job;

import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.crawl.FetchState;

/** A frontier URL, what fetching it gave, and what the last fetch of it left (validators, links). */
record FetchedEntry(FrontierEntry entry, FetchResult result, FetchState.Previous previous) {

    FetchedEntry(FrontierEntry entry, FetchResult result) {
        this(entry, result, FetchState.Previous.NONE);
    }
}
