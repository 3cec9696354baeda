package org.postbinder.clean;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the paragraphs and captions that recur on many posts of one site, in two passes over the
 * posts, with memory bounded per site whatever the number of posts. The first pass keeps at most
 * {@value #CANDIDATES_PER_SITE} counters per site (the Misra-Gries summary: every text found on
 * more than 1/{@value #CANDIDATES_PER_SITE} of a site's texts keeps a counter, so at the default
 * share of 30% nothing is missed until posts average some 600 paragraphs); the second pass counts
 * those candidates exactly. A text counts once per post, and only from {@value #SHORTEST}
 * characters on, so that a subheading such as "Conclusion" on many how-to posts stays.
 */
public final class RecurringTexts {

    static final int CANDIDATES_PER_SITE = 2048;
    static final int SHORTEST = 20;

    private final Map<String, SiteCounts> sites = new HashMap<>();

    /** A text found on {@code posts} of the {@code sitePosts} posts of a site. */
    public record Recurring(String site, String text, int posts, int sitePosts) {}

    /** The site a post belongs to: the host of its canonical URL. */
    public static String siteOf(String canonicalUrl) {
        String host = URI.create(canonicalUrl).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    /** First pass: one post's paragraphs and captions. */
    public void countCandidates(String site, Collection<String> texts) {
        SiteCounts counts = sites.computeIfAbsent(site, key -> new SiteCounts());
        counts.posts++;
        for (String text : distinctCountable(texts)) {
            counts.sketch(fingerprint(text));
        }
    }

    /** Second pass: the same posts again, in any order. */
    public void countExactly(String site, Collection<String> texts) {
        SiteCounts counts = sites.get(site);
        if (counts == null) {
            return;
        }
        for (String text : distinctCountable(texts)) {
            if (counts.candidates.containsKey(fingerprint(text))) {
                counts.exact.merge(text, 1, Integer::sum);
            }
        }
    }

    /** After both passes: the texts on at least {@code minShare} of their site's posts and on at least {@code minPosts}. */
    public List<Recurring> onAtLeast(double minShare, int minPosts) {
        List<Recurring> recurring = new ArrayList<>();
        sites.forEach((site, counts) -> {
            int needed = Math.max(minPosts, (int) Math.ceil(minShare * counts.posts));
            counts.exact.forEach((text, posts) -> {
                if (posts >= needed) {
                    recurring.add(new Recurring(site, text, posts, counts.posts));
                }
            });
        });
        recurring.sort(Comparator.comparing(Recurring::site).thenComparing(Recurring::posts, Comparator.reverseOrder())
                .thenComparing(Recurring::text));
        return recurring;
    }

    private static Set<String> distinctCountable(Collection<String> texts) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String text : texts) {
            if (text.length() >= SHORTEST) {
                distinct.add(text);
            }
        }
        return distinct;
    }

    /** 64-bit FNV-1a of the text's UTF-16 units: a compact key for the first pass; the second pass compares texts. */
    private static long fingerprint(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static final class SiteCounts {
        private int posts;
        private final Map<Long, int[]> candidates = new HashMap<>();
        private final Map<String, Integer> exact = new HashMap<>();

        void sketch(long key) {
            int[] counter = candidates.get(key);
            if (counter != null) {
                counter[0]++;
            } else if (candidates.size() < CANDIDATES_PER_SITE) {
                candidates.put(key, new int[] {1});
            } else {
                decrementAll();
            }
        }

        /** The Misra-Gries step for a new text when every counter is taken: all lose one, the empty ones go. */
        private void decrementAll() {
            for (Iterator<int[]> counters = candidates.values().iterator(); counters.hasNext(); ) {
                if (--counters.next()[0] == 0) {
                    counters.remove();
                }
            }
        }
    }
}
