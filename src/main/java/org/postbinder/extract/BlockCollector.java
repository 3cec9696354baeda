package org.postbinder.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an article container into body blocks and captions, in document order. Paragraphs,
 * headings, list items, quotes, preformatted text and table rows each become one block; text laid
 * out with {@code <br><br>} instead of paragraphs (Blogger) is split at the double break. Figures
 * and caption containers give captions, never body text, and their photos give {@link Figure}s
 * (an image of the body outside any figure gives one without a caption). Blocks that are mostly
 * links (teasers, link lists) are dropped. Not thread-safe: one instance per container.
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
    private final List<Figure> figures = new ArrayList<>();
    /** Where an image outside any figure counts: in the body, not in the scope's header or asides. */
    private final List<Element> roots;
    private final StringBuilder pending = new StringBuilder();
    private int pendingLinkChars;
    private int breaksInARow;

    /**
     * Reads the blocks of {@code roots}. Captions come from {@code figureScope} when given: the lead
     * photo of a news article often sits in the article's header, outside the body container.
     */
    static ExtractedBlocks collect(List<Element> roots, Element figureScope) {
        BlockCollector collector = new BlockCollector(roots);
        for (Element root : roots) {
            collector.visit(root, false);
            collector.flush();
        }
        if (figureScope == null) {
            return new ExtractedBlocks(collector.blocks, collector.captions, collector.figures);
        }
        BlockCollector figuresFrom = new BlockCollector(roots);
        figuresFrom.visit(figureScope, false);
        figuresFrom.flush();
        return new ExtractedBlocks(collector.blocks, figuresFrom.captions,
                placedAmong(figuresFrom.figures, figuresFrom.blocks, collector.blocks));
    }

    /**
     * Figures read from a wider scope (the whole article, header included) placed among the body's
     * blocks: each goes after the last body block that comes before it in the scope, or above the
     * text when none does. Both walks give a block the same text, so the texts line the two up.
     */
    private static List<Figure> placedAmong(List<Figure> figures, List<String> scopeBlocks, List<String> bodyBlocks) {
        List<Figure> placed = new ArrayList<>();
        int body = 0;
        int scope = 0;
        for (Figure figure : figures) {
            for (; scope < figure.before(); scope++) {
                int found = bodyBlocks.subList(body, bodyBlocks.size()).indexOf(scopeBlocks.get(scope));
                body = found < 0 ? body : body + found + 1;
            }
            placed.add(new Figure(figure.image(), figure.caption(), body));
        }
        return placed;
    }

    private BlockCollector(List<Element> roots) {
        this.roots = roots;
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
            looseImage(tag.equals("img") ? element : element.selectFirst("img"));
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

    /** Every caption and photo of a figure: a gallery figure holds one of each per photo. */
    private void caption(Element figure) {
        List<String> found = new ArrayList<>();
        for (Element caption : figure.select(CAPTION)) {
            if (!insideAnotherCaption(caption, figure) && !caption.text().isBlank()) {
                found.add(caption.text());
            }
        }
        found.forEach(this::addCaption);
        List<String> images = figure.select("img").stream().map(FigureImage::url).flatMap(Optional::stream).distinct().toList();
        for (int i = 0; i < images.size(); i++) {
            figures.add(new Figure(images.get(i), captionOf(i, images.size(), found), blocks.size()));
        }
    }

    /**
     * A photo's caption: the figure's only one, or the one at its place when a gallery has as many
     * captions as photos. Any other pairing would be a guess, so those photos go without.
     */
    private static @Nullable String captionOf(int image, int images, List<String> captions) {
        if (images == captions.size()) {
            return captions.get(image);
        }
        return images == 1 && !captions.isEmpty() ? captions.get(0) : null;
    }

    private void looseImage(@Nullable Element img) {
        if (img != null && roots.stream().anyMatch(root -> root == img || img.parents().contains(root))) {
            FigureImage.url(img).ifPresent(url -> figures.add(new Figure(url, null, blocks.size())));
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
