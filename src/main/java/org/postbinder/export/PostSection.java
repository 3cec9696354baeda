package org.postbinder.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.kernel.pdf.annot.PdfLinkAnnotation;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Link;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;

import org.jspecify.annotations.Nullable;
import org.postbinder.store.Post;

import static org.postbinder.export.ArchivalPdf.BODY_SIZE;
import static org.postbinder.export.ArchivalPdf.BODY_WIDTH;

/**
 * How one post is set in a PDF: its title, a byline, the captions of no figure, its paragraphs
 * with each figure at its place among them (a stored image scaled to the text width, with its
 * caption under it; each caption once), and its provenance (source and canonical URL as links, fetch time, content SHA-256). One instance per
 * document, since links carry a font of that document.
 */
final class PostSection {

    /** Links get a font of their own: iText's per-script font selection would drop their annotation. */
    private final PdfFont linkFont;
    private final FigureDrawing figures;

    PostSection(PdfFont linkFont, FigureFiles files) {
        this.linkFont = linkFont;
        this.figures = new FigureDrawing(files);
    }

    /** Writes the images drawn so far to the file and lets go of them (see {@link FigureDrawing}). */
    void writeOutImages() {
        figures.writeOutDrawn();
    }

    /** The title, as the target of {@code anchor} when there is one (the volume's contents link to it). */
    void addTitle(Document document, Post post, @Nullable String anchor) {
        Paragraph title = text(post.title(), 18, true, BODY_WIDTH).setMarginBottom(6);
        if (anchor != null) {
            title.setDestination(anchor);
        }
        document.add(title);
    }

    /**
     * The byline, the captions of no figure (a gallery's text, say) under it, then the paragraphs
     * with each figure at its place among them.
     */
    void addBody(Document document, Post post) {
        document.add(small(byline(post)));
        Set<String> figureCaptions = post.figures().stream().map(Post.Figure::caption).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        post.captions().stream().filter(caption -> !figureCaptions.contains(caption))
                .forEach(caption -> document.add(captionBlock(caption)));
        FigureDrawing.Shown shown = new FigureDrawing.Shown();
        List<String> paragraphs = post.paragraphs();
        Map<Integer, List<Post.Figure>> byPlace = post.figures().stream().collect(Collectors.groupingBy(
                figure -> Math.min(figure.beforeParagraph(), paragraphs.size())));
        for (int place = 0; place <= paragraphs.size(); place++) {
            byPlace.getOrDefault(place, List.of()).forEach(figure -> figures.add(document, figure, shown));
            if (place < paragraphs.size()) {
                document.add(text(paragraphs.get(place), BODY_SIZE, false, BODY_WIDTH).setMarginTop(4)
                        .setMultipliedLeading(1.35f));
            }
        }
        document.add(small("Source: ").add(link(post.url())).setMarginTop(14));
        if (!post.canonicalUrl().equals(post.url())) {
            document.add(small("Canonical: ").add(link(post.canonicalUrl())));
        }
        document.add(small("Fetched " + post.fetchedAt() + " · SHA-256 " + post.contentSha256()));
    }

    /**
     * A paragraph of archived text: characters no bundled font has are replaced, and right-to-left
     * text is shaped and set line by line ({@link BidiLines}) and right-aligned.
     */
    static Paragraph text(String text, float size, boolean bold, float width) {
        String drawable = PdfFonts.drawable(text);
        Paragraph paragraph;
        if (BidiLines.hasRightToLeft(drawable)) {
            paragraph = new Paragraph(BidiLines.layout(drawable, width, size, bold));
            paragraph.setTextAlignment(BidiLines.isRightToLeft(drawable) ? TextAlignment.RIGHT : TextAlignment.LEFT);
        } else {
            paragraph = new Paragraph(drawable).setTextAlignment(TextAlignment.LEFT);
        }
        paragraph.setFontSize(size);
        if (bold) {
            paragraph.setFontFamily(PdfFonts.BOLD);
        }
        return paragraph;
    }

    /** A caption set as text, without its image: ruled on the left, so that it reads as a caption. */
    static Paragraph captionBlock(String caption) {
        return caption(caption).setBorderLeft(new SolidBorder(ColorConstants.GRAY, 1.5f)).setPaddingLeft(6).setMarginTop(4);
    }

    /** A caption's type: smaller than the body, grey. */
    static Paragraph caption(String caption) {
        return text(caption, 9, false, BODY_WIDTH - 8).setFontColor(ColorConstants.DARK_GRAY);
    }

    /** PDF/A wants every annotation printed with the page. */
    static PdfLinkAnnotation printable(PdfLinkAnnotation annotation) {
        annotation.setFlags(PdfAnnotation.PRINT);
        annotation.setBorder(new PdfArray(new float[] {0, 0, 0}));
        return annotation;
    }

    private static Paragraph small(String line) {
        return text(line, 8.5f, false, BODY_WIDTH).setFontColor(ColorConstants.DARK_GRAY).setMarginTop(0).setMarginBottom(0);
    }

    /**
     * A web URL as a link; anything else (a page's canonical URL may say {@code javascript:} or
     * {@code file:}) as plain text, since a reader would act on the link. URLs are ASCII once
     * normalized, which the Latin font has.
     */
    private Text link(String url) {
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Text(PdfFonts.drawable(url)).setFont(linkFont);
        }
        Link link = new Link(PdfFonts.drawable(url), printable(new PdfLinkAnnotation(new Rectangle(0, 0, 0, 0))
                .setAction(PdfAction.createURI(url))));
        link.setFont(linkFont).setFontColor(ColorConstants.BLUE);
        return link;
    }

    private static String byline(Post post) {
        List<String> parts = new ArrayList<>();
        if (post.author() != null) {
            parts.add("By " + post.author());
        }
        if (post.dateline() != null) {
            parts.add(post.dateline());
        }
        if (post.publishedAt() != null) {
            parts.add(post.publishedAt());
        }
        if (post.siteName() != null) {
            parts.add(post.siteName());
        }
        return String.join(" · ", parts);
    }
}
