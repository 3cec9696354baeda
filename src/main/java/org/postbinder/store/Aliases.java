package org.postbinder.store;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The aliases of a stored post: the other URLs at which its article was read. They are kept
 * sorted, so that two crawls that found the same copies in another order give the same record.
 * Pure and thread-safe.
 */
final class Aliases {

    /**
     * Enough for an article's print, AMP and tracked URLs and a dozen copies on other sites. A site
     * that serves one article under endless URLs (a session id in the path) must not grow its row
     * without end: past this many, further copies are still recognized, but not listed.
     */
    static final int MAX = 20;

    private Aliases() {
    }

    /** {@code aliases} with {@code url} added, unless it is one of the row's own URLs, already there, or there is no room. */
    static List<String> with(List<String> aliases, String url, String rowUrl, String rowCanonical) {
        if (url.equals(rowUrl) || url.equals(rowCanonical) || aliases.contains(url) || aliases.size() >= MAX) {
            return aliases;
        }
        return sorted(Stream.concat(aliases.stream(), Stream.of(url)));
    }

    /**
     * The aliases once the row's text is read from {@code newUrl} instead of {@code oldUrl}: the old
     * URL becomes an alias (it was the same article), the new one is no longer one.
     */
    static List<String> moved(List<String> aliases, String oldUrl, String newUrl, String newCanonical) {
        List<String> without = sorted(aliases.stream().filter(alias -> !alias.equals(newUrl) && !alias.equals(newCanonical)));
        return with(without, oldUrl, newUrl, newCanonical);
    }

    private static List<String> sorted(Stream<String> urls) {
        return List.copyOf(urls.collect(Collectors.toCollection(TreeSet::new)));
    }
}
