package org.postbinder.extract;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.postbinder.crawl.UrlNormalizer;
import org.postbinder.job.JobDefinition;
import org.postbinder.normalize.TextNormalizer;

/**
 * Reads a page's metadata. For each field the sources are tried in a fixed order and the first
 * that gives a value wins: the job's CSS selector, then JSON-LD, then OpenGraph and meta tags, then
 * microdata and {@code <time datetime>}, then visible text. Pure and thread-safe.
 */
final class MetadataExtractor {

    private static final Pattern BY_PREFIX = Pattern.compile("^(?iu)(by|written by|posted by|submitted by|von|par|por|от|автор:?)\\s+");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—·:-]\\s+[^|–—·:-]{2,60}$");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("^[\\s|–—·:-]+|[\\s|–—·:-]+$");
    private static final Pattern COPYRIGHT = Pattern.compile("(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?)?\\s*"
            + "([\\p{L}][\\p{L} .&'-]{1,60}?)\\s*(?:[·|.,]|all rights|$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    PageMetadata extract(Document page, URI url, JobDefinition.Extract selectors) {
        JsonLd jsonLd = JsonLd.of(page);
        Optional<String> title = clean(title(page, jsonLd, selectors));
        Optional<String> siteName = clean(siteName(page, jsonLd, title));
        boolean declaredArticle = jsonLd.hasArticle()
                || meta(page, "og:type").filter(type -> type.equalsIgnoreCase("article")).isPresent()
                || meta(page, "article:published_time").isPresent();
        return new PageMetadata(title, clean(author(page, jsonLd, selectors, siteName)), published(page, jsonLd, selectors),
                modified(page, jsonLd), siteName, language(page, jsonLd), canonical(page, url),
                clean(first(() -> jsonLd.text("description"), () -> meta(page, "og:description", "description",
                        "twitter:description"))),
                first(jsonLd::imageUrl, () -> meta(page, "og:image", "twitter:image")).map(src -> resolve(url, src)),
                tags(page, jsonLd), labels(page), declaredArticle);
    }

    private static Optional<String> title(Document page, JsonLd jsonLd, JobDefinition.Extract selectors) {
        return first(
                () -> selected(page, selectors.title()),
                () -> jsonLd.text("headline"),
                () -> meta(page, "og:title"),
                () -> text(inOrder(page, "article h1", "main h1", "h1[itemprop=headline]", "h1.entry-title", "h1")),
                () -> Optional.of(TITLE_SUFFIX.matcher(page.title()).replaceFirst("")));
    }

    private static Optional<String> author(Document page, JsonLd jsonLd, JobDefinition.Extract selectors,
                                           Optional<String> siteName) {
        return first(
                () -> selected(page, selectors.author()),
                () -> joined(jsonLd.names("author")),
                () -> meta(page, "author").filter(value -> !value.startsWith("http")),
                () -> meta(page, "article:author").filter(value -> !value.startsWith("http")),
                () -> meta(page, "parsely-author", "sailthru.author", "dc.creator"),
                () -> text(inOrder(page, "[itemprop=author] [itemprop=name]", "[itemprop=author]")),
                () -> text(inOrder(page, "a[rel=author]", ".author.vcard .fn", ".author.vcard", ".byline .author", ".fn",
                        ".post-author", ".article-byline .author-name", ".author-name", ".node__meta .field--name-uid",
                        ".field--name-uid", ".submitted .username", ".byline", ".g-profile")),
                () -> copyrightHolder(page).filter(holder -> !holder.equalsIgnoreCase(siteName.orElse(""))))
                .map(name -> BY_PREFIX.matcher(name).replaceFirst(""));
    }

    /**
     * On a one-person site the footer's "© 2025 Name" is the only byline there is; it counts as the
     * author only when it is not the site's own name.
     */
    private static Optional<String> copyrightHolder(Document page) {
        Element footer = inOrder(page, "footer", "#footer", ".site-footer");
        if (footer == null) {
            return Optional.empty();
        }
        Matcher holder = COPYRIGHT.matcher(footer.text());
        return holder.find() ? Optional.of(holder.group(1).strip()) : Optional.empty();
    }

    private static Optional<String> published(Document page, JsonLd jsonLd, JobDefinition.Extract selectors) {
        return firstDate(
                () -> selected(page, selectors.date()),
                () -> jsonLd.text("datePublished"),
                () -> meta(page, "article:published_time", "og:published_time", "datePublished",
                        "pubdate", "publishdate", "date", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date"),
                () -> attr(page, "[itemprop=datePublished]", "content", "datetime"),
                () -> attr(page, "time.published", "datetime"),
                () -> attr(page, "time.entry-date", "datetime"),
                () -> attr(page, "article time", "datetime"),
                () -> attr(page, "time", "datetime"),
                () -> attr(page, "abbr.published", "title"),
                () -> text(inOrder(page, ".date-header", ".post-date", ".entry-date", ".published", ".dateline", ".date", "time")));
    }

    private static Optional<String> modified(Document page, JsonLd jsonLd) {
        return firstDate(
                () -> jsonLd.text("dateModified"),
                () -> meta(page, "article:modified_time", "og:updated_time", "dateModified"),
                () -> attr(page, "[itemprop=dateModified]", "content", "datetime"),
                () -> attr(page, "time.updated", "datetime"));
    }

    /**
     * Declared names first; then the part of {@code <title>} that is not the headline; then the site
     * title in the page header (last, because headers add taglines to it).
     */
    private static Optional<String> siteName(Document page, JsonLd jsonLd, Optional<String> title) {
        return first(
                () -> meta(page, "og:site_name", "application-name", "publisher"),
                () -> joined(jsonLd.names("publisher")),
                () -> titleRemainder(page.title(), title),
                () -> text(inOrder(page, ".site-title", ".site-name", ".site-branding a[rel=home]", "header a[rel=home]",
                        ".navbar-brand", ".blog-title", "#site-title")));
    }

    /** "Headline | Site", "Site — Headline": what is left of the page title once the headline is taken off. */
    private static Optional<String> titleRemainder(String pageTitle, Optional<String> headline) {
        if (headline.isEmpty() || pageTitle.equals(headline.get())) {
            return Optional.empty();
        }
        String rest = pageTitle.startsWith(headline.get()) ? pageTitle.substring(headline.get().length())
                : pageTitle.endsWith(headline.get()) ? pageTitle.substring(0, pageTitle.length() - headline.get().length())
                : "";
        String site = TITLE_SEPARATORS.matcher(rest).replaceAll("").strip();
        return site.isEmpty() || site.length() > 80 ? Optional.empty() : Optional.of(site);
    }

    private static Optional<String> language(Document page, JsonLd jsonLd) {
        return first(
                () -> jsonLd.text("inLanguage"),
                () -> Optional.of(page.select("html").attr("lang")),
                () -> meta(page, "og:locale", "content-language", "language", "dc.language"))
                .map(MetadataExtractor::primaryLanguage).filter(tag -> !tag.isEmpty());
    }

    private static String canonical(Document page, URI url) {
        return first(
                () -> absolute(page.selectFirst("link[rel=canonical]"), "href"),
                () -> meta(page, "og:url").filter(value -> value.startsWith("http")))
                .flatMap(UrlNormalizer::parse)
                .filter(declared -> !pointsAtSiteRoot(declared, url))
                .map(URI::toString)
                .orElse(url.toString());
    }

    /**
     * A canonical URL that is a site's home page, on a page that is not, is a template bug (every
     * page of the site would collapse into one post): it is ignored.
     */
    private static boolean pointsAtSiteRoot(URI canonical, URI page) {
        String canonicalPath = canonical.getPath() == null ? "/" : canonical.getPath();
        String pagePath = page.getPath() == null ? "/" : page.getPath();
        return canonicalPath.equals("/") && !pagePath.equals("/") && canonical.getQuery() == null;
    }

    private static List<String> tags(Document page, JsonLd jsonLd) {
        Set<String> tags = new LinkedHashSet<>();
        // some sites put every tag in one article:tag, comma-separated
        page.select("meta[property=article:tag]")
                .forEach(meta -> Arrays.stream(meta.attr("content").split(",")).forEach(tags::add));
        tags.addAll(jsonLd.keywords());
        if (tags.isEmpty()) {
            page.select("a[rel~=\\btag\\b]:not([rel~=category]), .tags-links a, .post-labels a, .field--name-field-tags a, "
                    + ".post-tags a, .article-tags a, .tags a").forEach(a -> tags.add(a.text()));
        }
        if (tags.isEmpty()) {
            page.select("a[href~=[/?&]tags?[/=]], a[class~=(^|-)tag$]").stream()
                    .filter(a -> a.closest("nav, aside, footer, header, .widget, .sidebar, .tagcloud, .tag-cloud") == null)
                    .forEach(a -> tags.add(a.text()));
        }
        return normalized(tags.stream());
    }

    /** Category and section names: shown on the page, never part of the article's text. */
    private static List<String> labels(Document page) {
        Stream<String> shown = page.select("a[rel~=category], .cat-links a, .post-category, .category, .entry-category, "
                + ".breadcrumb a, .breadcrumbs a, nav[aria-label~=(?i)breadcrumb] a").eachText().stream();
        Stream<String> declared = page.select("meta[property=article:section]").eachAttr("content").stream();
        return normalized(Stream.concat(shown, declared));
    }

    private static List<String> normalized(Stream<String> values) {
        return values.map(TextNormalizer::normalizeEncoded)
                .map(value -> value.startsWith("#") ? value.substring(1).strip() : value)
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static Optional<String> clean(Optional<String> value) {
        return value.map(TextNormalizer::normalizeEncoded).filter(text -> !text.isEmpty());
    }

    private static String primaryLanguage(String tag) {
        return tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    private static Optional<String> joined(List<String> names) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        return distinct.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", distinct));
    }

    private static Optional<String> selected(Document page, Optional<String> selector) {
        return selector.flatMap(css -> {
            Element element = page.selectFirst(css);
            if (element == null) {
                return Optional.empty();
            }
            String value = element.hasAttr("datetime") ? element.attr("datetime")
                    : element.hasAttr("content") ? element.attr("content") : element.text();
            return Optional.of(value).filter(text -> !text.isBlank());
        });
    }

    private static Optional<String> meta(Document page, String... names) {
        for (String name : names) {
            Element meta = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
            if (meta != null && !meta.attr("content").isBlank()) {
                return Optional.of(meta.attr("content"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> attr(Document page, String css, String... attributes) {
        for (Element element : page.select(css)) {
            for (String attribute : attributes) {
                if (!element.attr(attribute).isBlank()) {
                    return Optional.of(element.attr(attribute));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> absolute(@Nullable Element element, String attribute) {
        return Optional.ofNullable(element).map(e -> e.absUrl(attribute)).filter(value -> !value.isBlank());
    }

    /**
     * The first element matching the first selector that matches anything: selectors are listed
     * from most to least specific, and a page's order must not overrule that (a site-title
     * {@code h1} in the header comes before the article's).
     */
    private static @Nullable Element inOrder(Document page, String... selectors) {
        for (String selector : selectors) {
            Element element = page.selectFirst(selector);
            if (element != null) {
                return element;
            }
        }
        return null;
    }

    private static String resolve(URI base, String reference) {
        try {
            return base.resolve(reference.strip()).toString();
        } catch (IllegalArgumentException e) {
            return reference;
        }
    }

    private static Optional<String> text(@Nullable Element element) {
        return Optional.ofNullable(element).map(Element::text).filter(text -> !text.isBlank());
    }

    /**
     * The first source whose value parses as a date (an unparseable date does not hide a later good
     * one). WordPress and others publish UTC in their meta tags and the local time in the visible
     * {@code <time>}: when a later source gives the same instant with the writer's own offset, that
     * offset is kept.
     */
    @SafeVarargs
    private static Optional<String> firstDate(Supplier<Optional<String>>... sources) {
        List<OffsetDateTime> dates = Arrays.stream(sources)
                .flatMap(source -> source.get().flatMap(raw -> DateParser.parseDateTime(raw, ZoneOffset.UTC)).stream())
                .toList();
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime first = dates.get(0);
        OffsetDateTime chosen = first.getOffset().equals(ZoneOffset.UTC)
                ? dates.stream().filter(date -> date.isEqual(first)).filter(date -> !date.getOffset().equals(ZoneOffset.UTC))
                        .findFirst().orElse(first)
                : first;
        return Optional.of(DateParser.ISO.format(chosen));
    }

    @SafeVarargs
    private static Optional<String> first(Supplier<Optional<String>>... sources) {
        for (Supplier<Optional<String>> source : sources) {
            Optional<String> value = source.get().filter(text -> !text.isBlank());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
