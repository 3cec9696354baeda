package org.postbinder.extract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where each metadata field of one page came from ("JSON-LD headline", "meta og:title"), in the order found. */
final class FieldSources {

    private final Map<String, String> chosen = new LinkedHashMap<>();

    void record(String field, String source) {
        chosen.putIfAbsent(field, source);
    }

    /** For a value that a later step put in place of the first source's. */
    void replace(String field, String source) {
        chosen.put(field, source);
    }

    Map<String, String> chosen() {
        return Collections.unmodifiableMap(chosen);
    }
}
