package org.postbinder.crawl;

/** What became of a frontier URL. Everything but {@link #PENDING} is final for the run. */
public enum EntryStatus {
    PENDING,
    /** A post was extracted and stored. */
    STORED,
    /** Not modified since the last run (304), or an article whose text is already stored as it is. */
    UNCHANGED,
    /** Another URL of an article that is stored already (a print or AMP page, a copy): kept as an alias of it. */
    DUPLICATE,
    /** Fetched and read, but the page is not an article (a listing, an about page). */
    NOT_A_POST,
    /** A sitemap or feed that was read for its links. */
    VISITED,
    /** Could not be fetched or read; the reason is recorded and reported. */
    SKIPPED
}
