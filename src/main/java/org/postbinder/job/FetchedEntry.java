package org.postbinder.job;

import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.crawl.Validators;

/** A frontier URL, what fetching it gave, and the validators the request was made with. */
record FetchedEntry(FrontierEntry entry, FetchResult result, Validators known) {

    FetchedEntry(FrontierEntry entry, FetchResult result) {
        this(entry, result, Validators.NONE);
    }
}
