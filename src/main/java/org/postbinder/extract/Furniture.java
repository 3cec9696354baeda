package org.postbinder.extract;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Recognizes page furniture by markup: navigation, share bars, comment sections, newsletter boxes,
 * related-post lists, bylines and tag lists. Used to clear a page before the article is chosen.
 * The class and id patterns follow the names that WordPress, Ghost, Blogger, Drupal and the big
 * news templates actually use. Stateless and thread-safe.
 */
final class Furniture {

    /** Elements that never hold article text. */
    static final String NEVER_CONTENT = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "button, input, select, textarea, nav, aside, footer, dialog, menu, link, meta";

    /**
     * Elements that usually are furniture but may wrap the article: a comment or search form, or an
     * ASP.NET page whose whole body is one {@code <form>}; the site's header, or an article's own
     * header with its lead photo. They are removed only when they are not the article's.
     */
    static final String USUALLY_FURNITURE = "form, header";

    private static final Pattern UNLIKELY = Pattern.compile("(?i)(?:^|[\\s_-])("
            + "share|sharing|sharedaddy|social|shares|related|relatedposts|jp-relatedposts|recommended|recirculation"
            + "|comments?|respond|reply|disqus|newsletter|subscribe|subscription|signup|sign-up|optin"
            + "|breadcrumbs?|sidebar|widgets?|promo|advert|advertisement|ads|ad-slot|ad|sponsored?|cookie|consent|gdpr"
            + "|popup|modal|masthead|navbar|nav|menu|pagination|pager|author-bio|author-box|about-author|bio"
            + "|byline|meta|post-meta|entry-meta|article-meta|tags|tag-list|cat-links|tags-links|post-labels|labels"
            + "|most-read|mostread|trending|popular|read-more|readmore|more-from|post-footer|entry-footer"
            + "|epic|contributions|support-us|donate|donation|paywall|membership|reader-revenue"
            + "|print|toolbar|skip-link|screen-reader-text|visually-hidden|sr-only|hidden"
            + "|kg-bookmark-card|kg-embed-card|twitter-tweet|instagram-media|embed|video-player"
            + ")(?=$|[\\s_-])");

    /** Container names that mean "this is the article", which overrule a furniture word beside them. */
    private static final Pattern LIKELY = Pattern.compile("(?i)(?:^|[\\s_-])(article|body|content|entry-content|main"
            + "|post-body|post-content|story|gh-content|field--name-body|article-body|hentry)(?=$|[\\s_-])");

    private static final Set<String> ROLES = Set.of("navigation", "banner", "complementary", "contentinfo",
            "search", "dialog", "menu", "menubar", "toolbar", "alert");

    private Furniture() {
    }

    static boolean isFurniture(Element element) {
        if (element.hasAttr("hidden") || element.attr("aria-hidden").equals("true")
                || ROLES.contains(element.attr("role"))) {
            return true;
        }
        String names = element.className() + " " + element.id();
        if (names.isBlank() || isThePagesArticle(element)) {
            return false;
        }
        return UNLIKELY.matcher(names).find() && !LIKELY.matcher(names).find();
    }

    /**
     * The page's {@code <main>}, or its one {@code <article>}, is what the page is about, whatever
     * its class says: Substack's is {@code newsletter-post}, and a class word must not throw the whole
     * post away. Several articles are teaser cards, which their class may well describe.
     */
    private static boolean isThePagesArticle(Element element) {
        if (element.normalName().equals("main")) {
            return true;
        }
        Document page = element.ownerDocument();
        return element.normalName().equals("article") && page != null && page.getElementsByTag("article").size() == 1;
    }

    static boolean isLikelyContent(Element element) {
        return LIKELY.matcher(element.className() + " " + element.id()).find();
    }
}
