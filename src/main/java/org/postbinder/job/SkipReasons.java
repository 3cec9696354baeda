package org.postbinder.job;

import java.util.Locale;

/**
 * Groups skip reasons: every reason the pipeline writes is "kind: details" ("not_found: HTTP 404",
 * "cannot read: ..."), and the kind is what the run summary, the web page and the metrics group by.
 * The kinds come from the code, never from a page, so there are only so many of them.
 */
public final class SkipReasons {

    private static final int MAX_KIND_LENGTH = 40;

    private SkipReasons() {
    }

    /** The kind of a skip reason: the text before its first colon, lower-case and trimmed. */
    public static String kind(String reason) {
        int colon = reason.indexOf(':');
        String kind = (colon < 0 ? reason : reason.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        return kind.length() > MAX_KIND_LENGTH ? kind.substring(0, MAX_KIND_LENGTH) : kind;
    }
}
