package org.postbinder.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an article container into body blocks and captions, in document order. Paragraphs,
 * headings, list items, quotes, preformatted text and table rows each become one block; text laid
 * out with {@code <br><br>} instead of paragraphs (Blogger) is split at the double break. Figures
 * and caption containers give captions, never body text. Blocks that are mostly links (teasers,
 * link lists) are dropped. Not thread-safe: one instance per container.
 */
final class BlockCollector {

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
            "address", "dd", "dt", "figcaption");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "ul", "ol", "dl",
            "center", "details", "summary", "hgroup", "body");
    private static final String CAPTION = "figcaption, .wp-caption-text, td.tr-caption, .caption, .image-caption, "
            + ".media-caption, [itemprop=caption]";
    private static final double MAX_LINK_DENSITY = 0.5;
    /** A list item holding any of these is a layout box, not one item of text. */
    private static final String BLOCKS_IN_A_LIST_ITEM = "h1, h2, h3, h4, h5, h6, article, section, blockquote, pre, table, "
            + "figure, p + p";

    private final List<String> blocks = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private int pendingLinkChars;
    private int breaksInARow;

    /**
     * Reads the blocks of {@code roots}. Captions come from {@code figureScope} when given: the lead
     * photo of a news article often sits in the article's header, outside the body container.
     */
    static ExtractedBlocks collect(List<Element> roots, Element figureScope) {
        BlockCollector collector = new BlockCollector();
        for (Element root : roots) {
            collector.visit(root, false);
            collector.flush();
        }
        List<String> captions = collector.captions;
        if (figureScope != null) {
            BlockCollector scoped = new BlockCollector();
            scoped.visit(figureScope, false);
            captions = scoped.captions;
        }
        return new ExtractedBlocks(collector.blocks, captions);
    }

    private void visit(Node node, boolean inLink) {
        if (node instanceof TextNode text) {
            appendText(text.text(), inLink);
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        if (tag.equals("br")) {
            lineBreak();
        } else if (tag.equals("img") || tag.equals("picture")) {
            flush();
        } else if (isFigure(element)) {
            flush();
            caption(element);
        } else if (tag.equals("li")) {
            flush();
            listItem(element);
        } else if (tag.equals("table")) {
            flush();
            table(element);
        } else if (BLOCKS.contains(tag)) {
            flush();
            if (tag.equals("figcaption") && element.parent() != null && isFigure(element.parent())) {
                addCaption(element.text());
            } else if (tag.equals("p")) {
                visitChildren(element, inLink);
                flush();
            } else {
                addBlock(element.text(), ContentExtractor.linkDensity(element));
            }
        } else if (CONTAINERS.contains(tag)) {
            flush();
            visitChildren(element, inLink);
            flush();
        } else {
            visitChildren(element, inLink || tag.equals("a"));
        }
    }

    private void visitChildren(Element element, boolean inLink) {
        Abandon.ifInterrupted();
        for (Node child : element.childNodes()) {
            visit(child, inLink);
        }
    }

    private void appendText(String text, boolean inLink) {
        if (text.isBlank()) {
            if (!text.isEmpty()) {
                pending.append(' ');
            }
            return;
        }
        breaksInARow = 0;
        pending.append(text);
        if (inLink) {
            pendingLinkChars += text.strip().length();
        }
    }

    /** One break is a line inside a paragraph; two in a row end it. */
    private void lineBreak() {
        breaksInARow++;
        if (breaksInARow >= 2) {
            flush();
        } else {
            pending.append(' ');
        }
    }

    private void flush() {
        String text = pending.toString().strip();
        if (!text.isEmpty()) {
            addBlock(text, (double) pendingLinkChars / text.length());
        }
        pending.setLength(0);
        pendingLinkChars = 0;
        breaksInARow = 0;
    }

    private void listItem(Element item) {
        if (!item.select(BLOCKS_IN_A_LIST_ITEM).isEmpty()) {
            // a list used for layout (a live blog's entries, a gallery's cards): its items hold
            // headings and paragraphs of their own, each a block, not one run-on block per item
            visitChildren(item, false);
            flush();
            return;
        }
        Element copy = item.clone();
        copy.select("ul, ol").remove();
        addBlock(copy.text(), ContentExtractor.linkDensity(copy));
        for (Element nested : item.select("> ul > li, > ol > li")) {
            listItem(nested);
        }
    }

    private void table(Element table) {
        if (!table.select(CAPTION).isEmpty() && !table.select("img").isEmpty()) {
            caption(table);
            return;
        }
        // only this table's rows: a nested layout table is read when the walk reaches it
        for (Element row : table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr")) {
            List<String> cells = row.select("> th, > td").stream().map(BlockCollector::cellText).toList();
            addBlock(String.join(" | ", cells.stream().filter(cell -> !cell.isBlank()).toList()), ContentExtractor.linkDensity(row));
        }
    }

    private static String cellText(Element cell) {
        Element copy = cell.clone();
        copy.select("table").remove();
        return copy.text();
    }

    /** Every caption of a figure: a gallery figure holds one per photo. */
    private void caption(Element figure) {
        for (Element caption : figure.select(CAPTION)) {
            if (!insideAnotherCaption(caption, figure)) {
                addCaption(caption.text());
            }
        }
    }

    /** A credit span inside a figcaption also matches the caption selectors; the figcaption is the caption. */
    private static boolean insideAnotherCaption(Element caption, Element figure) {
        for (Element parent = caption.parent(); parent != null && parent != figure; parent = parent.parent()) {
            if (parent.is(CAPTION)) {
                return true;
            }
        }
        return false;
    }

    private void addCaption(String text) {
        if (!text.isBlank()) {
            captions.add(text);
        }
    }

    private void addBlock(String text, double linkDensity) {
        if (!text.isBlank() && linkDensity <= MAX_LINK_DENSITY) {
            blocks.add(text);
        }
    }

    private static boolean isFigure(Element element) {
        String tag = element.normalName();
        if (tag.equals("figure")) {
            // editors also wrap tables and quotes in <figure>: those are body text, and a quote's
            // <figcaption> is its attribution, not a photo caption
            return element.selectFirst("img, picture, video, svg, canvas") != null || element.selectFirst("table, blockquote") == null;
        }
        // a caption container around one photo; a row of photos (a gallery) is walked figure by figure
        return (tag.equals("div") || tag.equals("span")) && element.select("img").size() == 1
                && element.selectFirst(CAPTION) != null && element.text().length() < 600;
    }
}
