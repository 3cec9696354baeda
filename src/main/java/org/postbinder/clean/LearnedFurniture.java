package org.postbinder.clean;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postbinder.store.Post;

/** The texts learned as furniture of each site of a job, and their removal from a post. Immutable. */
public final class LearnedFurniture {

    public static final LearnedFurniture NONE = new LearnedFurniture(Map.of());

    private final Map<String, Set<String>> bySite;

    public LearnedFurniture(Map<String, Set<String>> bySite) {
        this.bySite = Map.copyOf(bySite);
    }

    public boolean isEmpty() {
        return bySite.isEmpty();
    }

    public boolean has(String site, String text) {
        return bySite.getOrDefault(site, Set.of()).contains(text);
    }

    /**
     * The post without its site's furniture. A post whose whole body is furniture is returned as
     * it is: that is a page the learning misjudged, not one to empty.
     */
    public Post strip(Post post) {
        Set<String> furniture = bySite.getOrDefault(RecurringTexts.siteOf(post.canonicalUrl()), Set.of());
        if (furniture.isEmpty()) {
            return post;
        }
        List<String> paragraphs = post.paragraphs().stream().filter(text -> !furniture.contains(text)).toList();
        List<String> captions = post.captions().stream().filter(text -> !furniture.contains(text)).toList();
        if (paragraphs.isEmpty() || paragraphs.size() + captions.size() == post.paragraphs().size() + post.captions().size()) {
            return post;
        }
        return post.withText(paragraphs, captions);
    }
}
