package org.postbinder.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org article described by a page's JSON-LD blocks, if any: the first node typed as an
 * article ({@code NewsArticle}, {@code BlogPosting}, ...), found at the top level, in arrays or in
 * an {@code @graph}, with {@code @id} references (Yoast's author and publisher) resolved.
 * Broken JSON-LD blocks are ignored. Immutable once built.
 */
final class JsonLd {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> ARTICLE_TYPES = Set.of("Article", "NewsArticle", "BlogPosting", "ReportageNews",
            "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting", "TechArticle", "ScholarlyArticle",
            "SocialMediaPosting", "Report", "BackgroundNewsArticle", "ReviewNewsArticle");

    private final Map<String, JsonNode> byId;
    private final Optional<JsonNode> article;

    private JsonLd(Map<String, JsonNode> byId, Optional<JsonNode> article) {
        this.byId = byId;
        this.article = article;
    }

    static JsonLd of(Document document) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : document.select("script[type=application/ld+json]")) {
            try {
                collect(MAPPER.readTree(script.data()), nodes);
            } catch (JacksonException e) {
                // a broken block is common on real sites; the other sources still apply
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        nodes.stream().filter(n -> n.hasNonNull("@id")).forEach(n -> byId.putIfAbsent(n.get("@id").asString(), n));
        return new JsonLd(byId, nodes.stream().filter(JsonLd::isArticle).findFirst());
    }

    boolean hasArticle() {
        return article.isPresent();
    }

    Optional<String> text(String property) {
        return article.flatMap(node -> firstText(node.get(property)));
    }

    /** Names of a person-or-organization property (author, publisher), resolving references. */
    List<String> names(String property) {
        List<String> names = new ArrayList<>();
        article.map(node -> node.get(property)).ifPresent(value -> {
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                JsonNode resolved = resolve(item);
                if (resolved.isString()) {
                    names.add(resolved.asString());
                } else if (resolved.hasNonNull("name")) {
                    firstText(resolved.get("name")).ifPresent(names::add);
                }
            }
        });
        return names;
    }

    /** Keywords as a list, whether published as an array or a comma-separated string. */
    List<String> keywords() {
        List<String> keywords = new ArrayList<>();
        article.map(node -> node.get("keywords")).ifPresent(value -> {
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (item.isString()) {
                    for (String keyword : item.asString().split(",")) {
                        if (!keyword.isBlank()) {
                            keywords.add(keyword.strip());
                        }
                    }
                }
            }
        });
        return keywords;
    }

    Optional<String> imageUrl() {
        return article.map(node -> node.get("image")).map(this::resolve).flatMap(image -> {
            JsonNode first = image.isArray() && !image.isEmpty() ? resolve(image.get(0)) : image;
            return first.isString() ? Optional.of(first.asString()) : firstText(first.get("url"));
        });
    }

    private JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.hasNonNull("@id")) {
            return byId.getOrDefault(node.get("@id").asString(), node);
        }
        return node;
    }

    private static Optional<String> firstText(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isArray()) {
            return value.isEmpty() ? Optional.empty() : firstText(value.get(0));
        }
        if (value.isObject()) {
            return firstText(value.has("@value") ? value.get("@value") : value.get("name"));
        }
        String text = value.asString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, into));
        } else if (node.isObject()) {
            into.add(node);
            if (node.has("@graph")) {
                collect(node.get("@graph"), into);
            }
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        for (JsonNode item : type.isArray() ? type : List.of(type)) {
            if (ARTICLE_TYPES.contains(item.asString())) {
                return true;
            }
        }
        return false;
    }
}
