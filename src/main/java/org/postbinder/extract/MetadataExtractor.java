package org.postbinder.extract;

import java.net.URI;
import java.time.Instant;
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

    /**
     * The page's metadata; {@code fetchedAt} is when the page was read, against which dates such as
     * "2 hours ago" count. Where each field came from is noted in {@code sources}.
     */
    PageMetadata extract(Document page, URI url, JobDefinition.Extract selectors, Instant fetchedAt, FieldSources sources) {
        JsonLd jsonLd = JsonLd.of(page);
        Optional<String> title = clean(title(page, jsonLd, selectors, sources));
        Optional<String> siteName = clean(siteName(page, jsonLd, title, sources));
        boolean declaredArticle = jsonLd.hasArticle()
                || meta(page, "og:type").filter(type -> type.equalsIgnoreCase("article")).isPresent()
                || meta(page, "article:published_time").isPresent();
        return new PageMetadata(title, clean(author(page, jsonLd, selectors, siteName, sources)),
                published(page, jsonLd, selectors, fetchedAt, sources), modified(page, jsonLd, fetchedAt, sources), siteName,
                language(page, jsonLd, sources), canonical(page, url, sources),
                clean(first(sources, "description", from("JSON-LD description", () -> jsonLd.text("description")),
                        from("meta og:description, description or twitter:description",
                                () -> meta(page, "og:description", "description", "twitter:description")))),
                first(sources, "leadImage", from("JSON-LD image", jsonLd::imageUrl),
                        from("meta og:image or twitter:image", () -> meta(page, "og:image", "twitter:image")))
                        .map(src -> resolve(url, src)),
                tags(page, jsonLd), labels(page), declaredArticle);
    }

    private static Optional<String> title(Document page, JsonLd jsonLd, JobDefinition.Extract selectors,
                                          FieldSources sources) {
        return first(sources, "title",
                from("the job's title selector", () -> selected(page, selectors.title())),
                from("JSON-LD headline", () -> jsonLd.text("headline")),
                from("meta og:title", () -> meta(page, "og:title")),
                from("the page's h1", () -> text(inOrder(page, "article h1", "main h1", "h1[itemprop=headline]",
                        "h1.entry-title", "h1"))),
                from("<title> without its site suffix", () -> Optional.of(TITLE_SUFFIX.matcher(page.title()).replaceFirst(""))));
    }

    private static Optional<String> author(Document page, JsonLd jsonLd, JobDefinition.Extract selectors,
                                           Optional<String> siteName, FieldSources sources) {
        return first(sources, "author",
                from("the job's author selector", () -> selected(page, selectors.author())),
                from("JSON-LD author", () -> joined(jsonLd.names("author"))),
                from("meta author", () -> meta(page, "author").filter(value -> !value.startsWith("http"))),
                from("meta article:author", () -> meta(page, "article:author").filter(value -> !value.startsWith("http"))),
                from("meta parsely-author, sailthru.author or dc.creator",
                        () -> meta(page, "parsely-author", "sailthru.author", "dc.creator")),
                from("microdata author", () -> text(inOrder(page, "[itemprop=author] [itemprop=name]", "[itemprop=author]"))),
                from("a visible byline", () -> text(inOrder(page, "a[rel=author]", ".author.vcard .fn", ".author.vcard",
                        ".byline .author", ".fn", ".post-author", ".article-byline .author-name", ".author-name",
                        ".node__meta .field--name-uid", ".field--name-uid", ".submitted .username", ".byline", ".g-profile"))),
                from("the footer's copyright holder",
                        () -> copyrightHolder(page).filter(holder -> !holder.equalsIgnoreCase(siteName.orElse("")))))
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

    private static Optional<String> published(Document page, JsonLd jsonLd, JobDefinition.Extract selectors,
                                              Instant fetchedAt, FieldSources sources) {
        return firstDate(sources, "publishedAt", fetchedAt,
                from("the job's date selector", () -> selected(page, selectors.date())),
                from("JSON-LD datePublished", () -> jsonLd.text("datePublished")),
                from("meta article:published_time (or a like name)", () -> meta(page, "article:published_time",
                        "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created",
                        "sailthru.date", "parsely-pub-date")),
                from("microdata datePublished", () -> attr(page, "[itemprop=datePublished]", "content", "datetime")),
                from("<time class=published>", () -> attr(page, "time.published", "datetime")),
                from("<time class=entry-date>", () -> attr(page, "time.entry-date", "datetime")),
                from("<time> in the article", () -> attr(page, "article time", "datetime")),
                from("the first <time datetime>", () -> attr(page, "time", "datetime")),
                from("<abbr class=published>", () -> attr(page, "abbr.published", "title")),
                from("a visible date", () -> text(inOrder(page, ".date-header", ".post-date", ".entry-date", ".published",
                        ".dateline", ".date", "time"))));
    }

    private static Optional<String> modified(Document page, JsonLd jsonLd, Instant fetchedAt, FieldSources sources) {
        return firstDate(sources, "modifiedAt", fetchedAt,
                from("JSON-LD dateModified", () -> jsonLd.text("dateModified")),
                from("meta article:modified_time (or a like name)",
                        () -> meta(page, "article:modified_time", "og:updated_time", "dateModified")),
                from("microdata dateModified", () -> attr(page, "[itemprop=dateModified]", "content", "datetime")),
                from("<time class=updated>", () -> attr(page, "time.updated", "datetime")));
    }

    /**
     * Declared names first; then the part of {@code <title>} that is not the headline; then the site
     * title in the page header (last, because headers add taglines to it).
     */
    private static Optional<String> siteName(Document page, JsonLd jsonLd, Optional<String> title, FieldSources sources) {
        return first(sources, "siteName",
                from("meta og:site_name, application-name or publisher",
                        () -> meta(page, "og:site_name", "application-name", "publisher")),
                from("JSON-LD publisher", () -> joined(jsonLd.names("publisher"))),
                from("<title> without the headline", () -> titleRemainder(page.title(), title)),
                from("the site title in the header", () -> text(inOrder(page, ".site-title", ".site-name",
                        ".site-branding a[rel=home]", "header a[rel=home]", ".navbar-brand", ".blog-title", "#site-title"))));
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

    private static Optional<String> language(Document page, JsonLd jsonLd, FieldSources sources) {
        return first(sources, "language",
                from("JSON-LD inLanguage", () -> jsonLd.text("inLanguage")),
                from("<html lang>", () -> Optional.of(page.select("html").attr("lang"))),
                from("meta og:locale or content-language",
                        () -> meta(page, "og:locale", "content-language", "language", "dc.language")))
                .map(MetadataExtractor::primaryLanguage).filter(tag -> !tag.isEmpty());
    }

    private static String canonical(Document page, URI url, FieldSources sources) {
        // noted only once it survives the checks below: a rejected declaration is not the source
        FieldSources declaredBy = new FieldSources();
        Optional<String> declared = first(declaredBy, "canonicalUrl",
                from("<link rel=canonical>", () -> absolute(page.selectFirst("link[rel=canonical]"), "href")),
                from("meta og:url", () -> meta(page, "og:url").filter(value -> value.startsWith("http"))))
                .flatMap(UrlNormalizer::parse)
                .filter(canonical -> !pointsAtSiteRoot(canonical, url))
                .map(URI::toString);
        sources.record("canonicalUrl", declared.isPresent() ? declaredBy.chosen().get("canonicalUrl")
                : "the page's own URL (none declared, or one that points at the site's home page)");
        return declared.orElse(url.toString());
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

    /**
     * The content of the first {@code <meta>} named by each of {@code names} in turn (as property,
     * name or itemprop), the first that is not blank. The page's meta elements are gathered once per
     * call and matched as jsoup matches {@code meta[property=name]} (value trimmed, case ignored): a
     * selector per name walked the whole page again for each name.
     */
    private static Optional<String> meta(Document page, String... names) {
        List<Element> metas = page.getElementsByTag("meta");
        for (String name : names) {
            Optional<String> content = metas.stream().filter(meta -> isNamed(meta, name)).findFirst()
                    .map(meta -> meta.attr("content")).filter(value -> !value.isBlank());
            if (content.isPresent()) {
                return content;
            }
        }
        return Optional.empty();
    }

    private static boolean isNamed(Element meta, String name) {
        return meta.attr("property").trim().equalsIgnoreCase(name) || meta.attr("name").trim().equalsIgnoreCase(name)
                || meta.attr("itemprop").trim().equalsIgnoreCase(name);
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
    private static Optional<String> firstDate(FieldSources sources, String field, Instant fetchedAt, Source... candidates) {
        List<Dated> dates = Arrays.stream(candidates)
                .flatMap(candidate -> candidate.value().get()
                        .flatMap(raw -> DateParser.parseDateTime(raw, ZoneOffset.UTC, fetchedAt))
                        .map(date -> new Dated(date, candidate.name())).stream())
                .toList();
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        Dated first = dates.get(0);
        Dated chosen = first.date().getOffset().equals(ZoneOffset.UTC)
                ? dates.stream().filter(dated -> dated.date().isEqual(first.date()))
                        .filter(dated -> !dated.date().getOffset().equals(ZoneOffset.UTC))
                        .findFirst().map(local -> new Dated(local.date(), first.source() + ", with the offset of " + local.source()))
                        .orElse(first)
                : first;
        sources.record(field, chosen.source());
        return Optional.of(DateParser.ISO.format(chosen.date()));
    }

    private record Dated(OffsetDateTime date, String source) {}

    private static Optional<String> first(FieldSources sources, String field, Source... candidates) {
        for (Source candidate : candidates) {
            Optional<String> value = candidate.value().get().filter(text -> !text.isBlank());
            if (value.isPresent()) {
                sources.record(field, candidate.name());
                return value;
            }
        }
        return Optional.empty();
    }

    /** A place a field's value may come from, named for {@code extract --explain}. */
    private record Source(String name, Supplier<Optional<String>> value) {}

    private static Source from(String name, Supplier<Optional<String>> value) {
        return new Source(name, value);
    }
}
