package org.postbinder.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the article in a page that has no site-specific selectors, by content scoring: every block
 * of running text scores by its length and commas, the score flows to its parent and grandparent,
 * and the container with the best score (discounted by its link density) wins. Siblings of the
 * winner that score well too are kept with it, so an article split across several containers is
 * read whole. Works on a copy; the caller's document is not changed. Thread-safe.
 */
final class ContentExtractor {

    private static final String TEXT_BLOCKS = "p, pre, td, blockquote, li, h2, h3, h4, div, section, article";
    private static final int MIN_BLOCK_CHARS = 25;

    /** The chosen article containers, in document order; empty when the page has no running text. */
    List<Element> articleRoots(Document page) {
        Element body = page.body();
        if (body == null) {
            return List.of();
        }
        Map<Element, Double> scores = score(body);
        Optional<Element> top = scores.entrySet().stream()
                .max(Comparator.comparingDouble(entry -> entry.getValue() * (1 - linkDensity(entry.getKey()))))
                .map(Map.Entry::getKey);
        return top.map(winner -> withGoodSiblings(winner, scores)).orElse(List.of());
    }

    /** Removes furniture in place; elements marked as the article are kept even when a name matches. */
    static void removeFurniture(Element root) {
        root.select(Furniture.NEVER_CONTENT).remove();
        int rootLength = root.text().length();
        List<Element> furniture = new ArrayList<>();
        for (Element element : root.getAllElements()) {
            if (element != root && Furniture.isFurniture(element) && !holdsMostText(element, rootLength)) {
                furniture.add(element);
            }
        }
        furniture.forEach(Element::remove);
    }

    private static Map<Element, Double> score(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element block : body.select(TEXT_BLOCKS)) {
            String ownText = isContainer(block) ? block.ownText() : block.text();
            if (ownText.length() < MIN_BLOCK_CHARS) {
                continue;
            }
            double points = 1 + commas(ownText) + Math.min(ownText.length() / 100.0, 3);
            Element ancestor = isContainer(block) ? block : block.parent();
            for (int level = 1; ancestor != null && level <= 3 && ancestor != body.parent(); level++) {
                scores.merge(ancestor, points / level + (scores.containsKey(ancestor) ? 0 : initialScore(ancestor)), Double::sum);
                ancestor = ancestor.parent();
            }
        }
        return scores;
    }

    private static List<Element> withGoodSiblings(Element winner, Map<Element, Double> scores) {
        Element parent = winner.parent();
        if (parent == null) {
            return List.of(winner);
        }
        double threshold = Math.max(10, scores.get(winner) * 0.2);
        List<Element> roots = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == winner || scores.getOrDefault(sibling, 0.0) >= threshold && linkDensity(sibling) < 0.33
                    || isProseParagraph(sibling)) {
                roots.add(sibling);
            }
        }
        return roots;
    }

    private static boolean isProseParagraph(Element element) {
        String text = element.text();
        return element.normalName().equals("p") && text.length() > 80 && linkDensity(element) < 0.25;
    }

    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "article" -> 10;
            case "div", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (Furniture.isLikelyContent(element)) {
            score += 25;
        }
        return score;
    }

    static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        Elements links = element.select("a");
        int linkLength = 0;
        for (Element link : links) {
            linkLength += link.text().length();
        }
        return Math.min(1.0, (double) linkLength / length);
    }

    /** A furniture-sounding name on the element that holds most of the page's text is a false alarm. */
    private static boolean holdsMostText(Element element, int rootLength) {
        return rootLength > 0 && element.text().length() > rootLength * 0.6;
    }

    private static boolean isContainer(Element element) {
        return switch (element.normalName()) {
            case "div", "section", "article" -> true;
            default -> false;
        };
    }

    private static int commas(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                count++;
            }
        }
        return count;
    }
}
