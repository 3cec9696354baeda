package org.postbinder.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final double PROSE_SHARE = 0.85;
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("\\[?(\\d{1,3}|[*†‡§])\\]?|↩︎?|↑");
    /** Shorter paragraphs are captions, deks and labels rather than running text. */
    private static final int MIN_PROSE_CHARS = 60;

    /** The chosen article containers, in document order; empty when the page has no running text. */
    List<Element> articleRoots(Document page) {
        Element body = page.body();
        if (body == null) {
            return List.of();
        }
        Map<Element, Double> scores = score(body);
        // each candidate's link density is taken once: a comparator would take it at every comparison,
        // and it reads the candidate's whole text each time
        Optional<Element> top = scores.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() * (1 - linkDensity(entry.getKey()))))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
        return top.map(winner -> widenToMostProse(widenOnlyChild(winner), body))
                .map(winner -> withGoodSiblings(winner, scores))
                .orElse(List.of());
    }

    /**
     * Templates that wrap each stretch of text in its own nest of divs (Medium, page builders) put
     * the winner several levels below the siblings that hold the rest of the article: climb while
     * the winner is its parent's only element.
     */
    private static Element widenOnlyChild(Element winner) {
        Element widened = winner;
        while (widened.parent() != null && widened.parent().children().size() == 1
                && !widened.parent().normalName().equals("body")) {
            widened = widened.parent();
        }
        return widened;
    }

    /**
     * An article split across sections holds only part of the page's prose in the winning container.
     * Once furniture is gone, nearly all prose on the page is the article's: climb to the nearest
     * ancestor that holds {@value #PROSE_SHARE} of it, unless that is the whole body.
     */
    private static Element widenToMostProse(Element winner, Element body) {
        int total = proseLength(body);
        Element candidate = winner;
        while (candidate != null && candidate != body && proseLength(candidate) < total * PROSE_SHARE) {
            candidate = candidate.parent();
        }
        return candidate == null || candidate == body ? winner : candidate;
    }

    /**
     * Characters of running text: paragraphs that are mostly not links. Headings are left out: the
     * teaser cards of related-post blocks are headings, and they must not pull the article wider.
     */
    private static int proseLength(Element root) {
        int length = 0;
        for (Element block : root.select("p, blockquote, li, pre")) {
            int blockLength = block.text().length();
            if (blockLength >= MIN_PROSE_CHARS && linkDensity(block) < 0.3) {
                length += blockLength;
            }
        }
        return length;
    }

    /** Removes furniture in place; elements marked as the article are kept even when a name matches. */
    static void removeFurniture(Element root) {
        root.select(Furniture.NEVER_CONTENT).remove();
        int rootLength = root.text().length();
        List<Element> furniture = new ArrayList<>();
        for (Element element : root.getAllElements()) {
            Abandon.ifInterrupted();
            if (element != root && Furniture.isFurniture(element) && !holdsMostText(element, rootLength)) {
                furniture.add(element);
            }
        }
        for (Element element : root.select(Furniture.USUALLY_FURNITURE)) {
            if (!holdsMostText(element, rootLength)) {
                keepLeadPhotos(element);
                furniture.add(element);
            }
        }
        furniture.forEach(Element::remove);
        root.select("a[href^=#]").stream().filter(ContentExtractor::isFootnoteMark).forEach(Element::remove);
    }

    /** "1", "[2]", "*": a link to a footnote or back from one; the footnote's text is kept, the mark is not. */
    private static boolean isFootnoteMark(Element link) {
        return FOOTNOTE_MARK.matcher(link.text()).matches();
    }

    /**
     * An article's own header holds its title, byline and standfirst, which are metadata, and often
     * its lead photo, whose caption belongs to the post: the photos stay, in the header's place.
     */
    private static void keepLeadPhotos(Element element) {
        if (element.normalName().equals("header") && element.parent() != null && element.closest("article") != null) {
            for (Element figure : element.select("figure")) {
                element.before(figure.clone());
            }
        }
    }

    private static Map<Element, Double> score(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element block : body.select(TEXT_BLOCKS)) {
            Abandon.ifInterrupted();
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
        double winnerScore = scores.getOrDefault(winner, 0.0);
        double threshold = Math.max(10, winnerScore * 0.2);
        List<Element> roots = new ArrayList<>();
        for (Element sibling : parent.children()) {
            // a sibling built like the winner (same classes) is most likely the article's next stretch
            double bonus = !winner.className().isEmpty() && sibling.className().equals(winner.className()) ? winnerScore * 0.2 : 0;
            if (sibling == winner || scores.getOrDefault(sibling, 0.0) + bonus >= threshold && linkDensity(sibling) < 0.33
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
