package org.postbinder.export;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.kernel.pdf.annot.PdfLinkAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.navigation.PdfExplicitDestination;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Link;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Tab;
import com.itextpdf.layout.element.TabStop;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.TabAlignment;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.pdfa.PdfADocument;

import org.jspecify.annotations.Nullable;
import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Writes the PDF volume of a run: a cover (job, sites, run, post count), a table of contents with
 * page numbers and links, then one section per post (title, byline, date, source, captions, body,
 * provenance), with a bookmark per post, the post's title as running header and "page X of Y" in
 * the footer. The volume is PDF/A-2u (archival: fonts embedded, colours pinned to sRGB, text
 * extractable as Unicode); each script has its own embedded font ({@link PdfFonts}) and
 * right-to-left text is shaped and ordered here ({@link BidiLines}).
 * <p>
 * Two passes keep memory flat however many posts there are. The first lays the posts out as they
 * stream in (each page is written out as soon as it is full) and adds the cover and contents, which
 * need the totals, at the end. The second reads that draft page by page, moves the cover and
 * contents to the front and stamps headers and footers, now that every page number is final.
 * One instance per step execution.
 */
public class PdfVolumeWriter implements ArchiveFileWriter {

    private static final float MARGIN = 54;
    private static final float BODY_SIZE = 10.5f;
    private static final float BODY_WIDTH = PageSize.A4.getWidth() - 2 * MARGIN;

    private final Path file;
    private final Path draft;
    private final VolumeInfo info;
    private final List<Section> sections = new ArrayList<>();
    private final SortedSet<String> sites = new TreeSet<>();
    private @Nullable PdfDocument pdf;
    private @Nullable Document document;
    /** Links get a font of their own: iText's per-script font selection would drop their annotation. */
    private @Nullable PdfFont linkFont;

    /** What the cover says about the volume. */
    public record VolumeInfo(String jobTitle, String job, String run) {}

    /** Where a post starts: the page (before the front matter is moved in) and its title. */
    private record Section(String title, int firstPage) {}

    public PdfVolumeWriter(Path file, VolumeInfo info) {
        this.file = file;
        this.draft = file.resolveSibling(file.getFileName() + ".draft");
        this.info = info;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            Files.createDirectories(file.getParent());
            pdf = new PdfADocument(new PdfWriter(draft.toString()), PdfAConformance.PDF_A_2U, srgbIntent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        pdf.getDocumentInfo().setTitle(info.jobTitle() + " — " + info.run());
        pdf.getDocumentInfo().setSubject("Postbinder archive of job " + info.job() + ", run " + info.run());
        pdf.getDocumentInfo().setCreator("Postbinder");
        document = new Document(pdf, PageSize.A4, true);
        setUp(document);
        linkFont = PdfFonts.latin();
        sections.clear();
        sites.clear();
    }

    /** Margins, the fonts (per script) and the body size, for every document the volume is laid out in. */
    private static void setUp(Document target) {
        target.setMargins(MARGIN + 14, MARGIN, MARGIN + 14, MARGIN);
        target.setFontProvider(PdfFonts.provider());
        target.setFontFamily(PdfFonts.REGULAR).setFontSize(BODY_SIZE);
    }

    /**
     * PDF/A needs the colours' meaning pinned down: everything is drawn in RGB, so the output intent
     * is sRGB (the profile the JDK carries, so none is bundled).
     */
    private static PdfOutputIntent srgbIntent() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        return new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                new ByteArrayInputStream(profile));
    }

    @Override
    public void write(Chunk<? extends Post> posts) {
        for (Post post : posts) {
            addSection(post);
        }
    }

    private void addSection(Post post) {
        if (!sections.isEmpty()) {
            document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        }
        String anchor = "post-" + (sections.size() + 1);
        document.add(text(post.title(), 18, true, BODY_WIDTH).setMarginBottom(6).setDestination(anchor));
        sections.add(new Section(post.title(), pdf.getNumberOfPages()));
        pdf.getOutlines(false).addOutline(post.title())
                .addDestination(PdfExplicitDestination.createFit(pdf.getPage(pdf.getNumberOfPages())));
        if (post.siteName() != null) {
            sites.add(post.siteName());
        }
        document.add(small(byline(post)));
        for (String caption : post.captions()) {
            document.add(text(caption, 9, false, BODY_WIDTH - 8).setFontColor(ColorConstants.DARK_GRAY)
                    .setBorderLeft(new SolidBorder(ColorConstants.GRAY, 1.5f))
                    .setPaddingLeft(6).setMarginTop(4));
        }
        for (String paragraph : post.paragraphs()) {
            document.add(text(paragraph, BODY_SIZE, false, BODY_WIDTH).setMarginTop(4).setMultipliedLeading(1.35f));
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
    private static Paragraph text(String text, float size, boolean bold, float width) {
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

    @Override
    public void finish() throws IOException {
        int contentPages = pdf.getNumberOfPages();
        int frontMatterPages = 1 + countContentsPages();
        addCover();
        addContents(frontMatterPages);
        padFrontMatter(contentPages, frontMatterPages);
        document.close();
        document = null;
        arrange(contentPages, frontMatterPages);
        Files.delete(draft);
    }

    /**
     * The contents were numbered for the page count the trial layout gave (with wide placeholder
     * numbers, so never fewer pages than the real ones): a blank page makes up any difference, and
     * more pages than counted would shift every number, so that is an error rather than a wrong book.
     */
    private void padFrontMatter(int contentPages, int frontMatterPages) {
        int added = pdf.getNumberOfPages() - contentPages;
        if (added > frontMatterPages) {
            throw new IllegalStateException("the contents took " + (added - 1) + " pages, more than the "
                    + (frontMatterPages - 1) + " they were numbered for");
        }
        for (int i = added; i < frontMatterPages; i++) {
            document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        }
    }

    /** Releases the draft of a failed export; the unfinished volume is never published. */
    @Override
    public void close() {
        if (document != null) {
            document.close();
            document = null;
        }
    }

    /** Second pass: front matter to the front, then a header and footer on every page. */
    private void arrange(int contentPages, int frontMatterPages) throws IOException {
        try (PdfDocument volume = new PdfADocument(new PdfReader(draft.toString()), new PdfWriter(file.toString()))) {
            for (int i = 0; i < frontMatterPages; i++) {
                volume.movePage(contentPages + 1 + i, 1 + i);
            }
            FontProvider fonts = PdfFonts.provider();
            int total = volume.getNumberOfPages();
            int section = -1;
            for (int number = 2; number <= total; number++) {
                while (section + 1 < sections.size() && sections.get(section + 1).firstPage() + frontMatterPages <= number) {
                    section++;
                }
                String header = section < 0 ? "Contents" : sections.get(section).title();
                stamp(volume, volume.getPage(number), fonts, header, "page " + number + " of " + total);
                // pages are written out as they are done, so the second pass holds one page at a time
                volume.getPage(number).flush();
            }
        }
    }

    private static void stamp(PdfDocument volume, PdfPage page, FontProvider fonts, String header, String footer) {
        Rectangle size = page.getPageSize();
        try (Canvas canvas = new Canvas(new PdfCanvas(page.newContentStreamAfter(), page.getResources(), volume), size)) {
            canvas.setFontProvider(fonts);
            canvas.setFontFamily(PdfFonts.REGULAR).setFontSize(8).setFontColor(ColorConstants.GRAY);
            String line = PdfFonts.drawable(shorten(header));
            if (BidiLines.hasRightToLeft(line)) {
                line = BidiLines.layout(line, Float.MAX_VALUE, 8, false);
            }
            canvas.showTextAligned(line, MARGIN, size.getTop() - MARGIN + 10, TextAlignment.LEFT);
            canvas.showTextAligned(footer, size.getWidth() / 2, MARGIN - 20, TextAlignment.CENTER);
        }
    }

    private void addCover() {
        if (pdf.getNumberOfPages() > 0) {
            document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        }
        document.add(text(info.jobTitle(), 28, true, BODY_WIDTH).setMarginTop(180));
        document.add(new Paragraph("Postbinder archive").setFontSize(14).setFontColor(ColorConstants.DARK_GRAY));
        document.add(new Paragraph("Job: " + info.job()).setMarginTop(40));
        document.add(new Paragraph("Run: " + info.run()));
        document.add(text("Sites: " + (sites.isEmpty() ? "—" : String.join(", ", sites)), BODY_SIZE, false, BODY_WIDTH));
        document.add(new Paragraph("Posts: " + sections.size()));
        // the sites are the volume's keywords, for catalogues
        pdf.getDocumentInfo().setKeywords(String.join(", ", sites));
    }

    private void addContents(int frontMatterPages) {
        document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        writeContents(document, frontMatterPages);
    }

    /**
     * Lays the contents out once in a scratch document (with its own font objects: a font belongs
     * to one document) to learn how many pages they take.
     */
    private int countContentsPages() {
        try (PdfDocument scratch = new PdfDocument(new PdfWriter(new ByteArrayOutputStream()))) {
            Document layout = new Document(scratch, PageSize.A4);
            setUp(layout);
            writeContents(layout, 9999);
            int pages = scratch.getNumberOfPages();
            layout.close();
            return Math.max(1, pages);
        }
    }

    private void writeContents(Document target, int pageOffset) {
        target.add(new Paragraph("Contents").setFontFamily(PdfFonts.BOLD).setFontSize(18).setMarginBottom(12));
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            String title = PdfFonts.drawable(section.title());
            if (BidiLines.hasRightToLeft(title)) {
                // one line in visual order; a long title is cut by the tab rather than wrapped
                title = BidiLines.layout(shorten(title), Float.MAX_VALUE, BODY_SIZE, false);
            }
            Paragraph entry = new Paragraph().setMarginTop(2)
                    .addTabStops(new TabStop(BODY_WIDTH, TabAlignment.RIGHT))
                    .add(title).add(new Tab()).add(String.valueOf(section.firstPage() + pageOffset));
            entry.setProperty(Property.LINK_ANNOTATION, printable(new PdfLinkAnnotation(new Rectangle(0, 0, 0, 0))
                    .setAction(PdfAction.createGoTo("post-" + (i + 1)))));
            target.add(entry);
        }
    }

    /** PDF/A wants every annotation printed with the page. */
    private static PdfLinkAnnotation printable(PdfLinkAnnotation annotation) {
        annotation.setFlags(PdfAnnotation.PRINT);
        annotation.setBorder(new PdfArray(new float[] {0, 0, 0}));
        return annotation;
    }

    private static Paragraph small(String line) {
        return text(line, 8.5f, false, BODY_WIDTH).setFontColor(ColorConstants.DARK_GRAY).setMarginTop(0).setMarginBottom(0);
    }

    /** A URL as a link; URLs are ASCII once normalized, which the Latin font has. */
    private Link link(String url) {
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
        if (post.publishedAt() != null) {
            parts.add(post.publishedAt());
        }
        if (post.siteName() != null) {
            parts.add(post.siteName());
        }
        return String.join(" · ", parts);
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "...";
    }
}
