package org.postbinder.crawl;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Finds the URLs a page leads to: its links, its pagination (which does not count as going deeper)
 * and the feeds it advertises. Links to images, media and other files are left out. Scope is not
 * checked here. Thread-safe.
 */
@Component
public class LinkDiscoverer {

    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "(?i)\\.(jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|mp[34]|m4a|webm|ogg|wav|avi|mov|pdf|zip|gz|tgz|rar|7z|exe|dmg|"
                    + "apk|docx?|xlsx?|pptx?|odt|css|js|json|woff2?|ttf|eot)$");
    private static final String PAGINATION = "a[rel~=(?i)^next$], link[rel~=(?i)^next$], .pagination a, .nav-links a, "
            + ".pager a, .page-numbers, a.next, a.older-posts, a.blog-pager-older-link, a.page-link, "
            + "nav[aria-label~=(?i)pag] a";
    private static final String FEEDS = "link[rel~=alternate][type~=(?i)application/(rss|atom)\\+xml]";

    public List<DiscoveredLink> discover(Document page) {
        Map<URI, DiscoveredLink> links = new LinkedHashMap<>();
        for (Element element : page.select(PAGINATION)) {
            url(element, "href").ifPresent(url -> links.putIfAbsent(url, new DiscoveredLink(url, EntryKind.PAGE, true)));
        }
        for (Element element : page.select(FEEDS)) {
            if (isCommentsFeed(element)) {
                continue;
            }
            url(element, "href").ifPresent(url -> links.putIfAbsent(url, new DiscoveredLink(url, EntryKind.FEED, true)));
        }
        for (Element anchor : page.select("a[href], area[href]")) {
            url(anchor, "href")
                    .filter(url -> !NOT_A_PAGE.matcher(url.getPath() == null ? "" : url.getPath()).find())
                    .ifPresent(url -> links.putIfAbsent(url, new DiscoveredLink(url, EntryKind.PAGE, false)));
        }
        return List.copyOf(links.values());
    }

    /** A post's comments feed lists comments, not posts. */
    private static boolean isCommentsFeed(Element link) {
        String title = link.attr("title").toLowerCase(Locale.ROOT);
        String href = link.attr("href").toLowerCase(Locale.ROOT);
        return title.contains("comment") || href.contains("/comments/") || href.contains("comments/feed");
    }

    private static Optional<URI> url(Element element, String attribute) {
        String absolute = element.absUrl(attribute);
        if (absolute.isEmpty() || absolute.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            return Optional.empty();
        }
        return UrlNormalizer.parse(absolute.replace(" ", "%20"));
    }
}
