package org.postbinder.crawl;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.postbinder.job.JobDefinition;

/**
 * Decides which URLs belong to a job. With include patterns, a URL is in scope when it matches one;
 * without, when it lies under the folder of a start URL (or of a sitemap or feed when there are
 * no start URLs). A URL matching an exclude pattern is never in scope. Immutable, thread-safe.
 */
public final class Scope {

    private final List<String> prefixes;
    private final List<String> hosts;
    private final boolean fromWarcs;
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    private Scope(List<String> prefixes, List<String> hosts, List<Pattern> include, List<Pattern> exclude, boolean fromWarcs) {
        this.prefixes = List.copyOf(prefixes);
        this.hosts = List.copyOf(hosts);
        this.fromWarcs = fromWarcs;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
    }

    public static Scope of(JobDefinition job) {
        JobDefinition.Sources sources = job.sources();
        List<URI> roots = sources.startUrls().isEmpty()
                ? Stream.concat(sources.sitemaps().stream(), sources.feeds().stream()).toList()
                : sources.startUrls();
        List<URI> normalized = Stream.of(roots, sources.sitemaps(), sources.feeds()).flatMap(List::stream)
                .flatMap(root -> UrlNormalizer.normalize(root).stream())
                .toList();
        List<String> prefixes = roots.stream()
                .flatMap(root -> UrlNormalizer.normalize(root).stream())
                .map(Scope::folder)
                .toList();
        List<String> hosts = normalized.stream().map(URI::getHost).filter(Objects::nonNull).distinct().toList();
        return new Scope(prefixes, hosts, job.scope().include(), job.scope().exclude(), sources.fromWarcs());
    }

    public boolean contains(URI url) {
        String text = url.toString();
        if (exclude.stream().anyMatch(pattern -> pattern.matcher(text).find())) {
            return false;
        }
        if (!include.isEmpty()) {
            return include.stream().anyMatch(pattern -> pattern.matcher(text).find());
        }
        // a job rebuilt from WARC files is bounded by what the files hold
        return fromWarcs || prefixes.stream().anyMatch(text::startsWith);
    }

    /**
     * Whether a sitemap or feed may be read. They often sit at the site's root, above a start
     * folder ({@code /sitemap_index.xml} for a blog under {@code /blog/}), so for them the folder rule
     * widens to the hosts of the job's sources; include and exclude patterns still apply.
     */
    public boolean allowsListing(URI url) {
        if (contains(url)) {
            return true;
        }
        String text = url.toString();
        return include.isEmpty() && url.getHost() != null && hosts.contains(url.getHost())
                && exclude.stream().noneMatch(pattern -> pattern.matcher(text).find());
    }

    /** "https://example.com/blog/post.html" lies in "https://example.com/blog/". */
    private static String folder(URI url) {
        String text = url.toString();
        int query = text.indexOf('?');
        String withoutQuery = query < 0 ? text : text.substring(0, query);
        return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1);
    }
}
