package org.postbinder.crawl;

/** What a frontier URL is expected to hold, which decides how its body is read. */
public enum EntryKind { PAGE, SITEMAP, FEED }
