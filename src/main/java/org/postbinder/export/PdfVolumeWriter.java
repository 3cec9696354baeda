package org.postbinder.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutline;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.kernel.pdf.annot.PdfLinkAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.navigation.PdfExplicitDestination;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Tab;
import com.itextpdf.layout.element.TabStop;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.TabAlignment;
import com.itextpdf.layout.properties.TextAlignment;

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

    private static final float MARGIN = ArchivalPdf.MARGIN;
    private static final float BODY_SIZE = ArchivalPdf.BODY_SIZE;
    private static final float BODY_WIDTH = ArchivalPdf.BODY_WIDTH;

    private final Path file;
    private final Path draft;
    private final VolumeInfo info;
    private final FigureFiles figureFiles;
    private final List<Section> sections = new ArrayList<>();
    private final SortedSet<String> sites = new TreeSet<>();
    private @Nullable PdfDocument pdf;
    private @Nullable Document document;
    private @Nullable PostSection section;

    /** What the cover says about the volume. */
    public record VolumeInfo(String jobTitle, String job, String run) {}

    /** Where a post starts: the page (before the front matter is moved in) and its title. */
    private record Section(String title, String month, int firstPage) {}

    /** Up to this many posts the outline is a flat list; beyond, posts are grouped under their month. */
    static final int FLAT_OUTLINE_UP_TO = 50;

    /** A volume whose posts show the images {@code figureFiles} finds. */
    public PdfVolumeWriter(Path file, VolumeInfo info, FigureFiles figureFiles) {
        this.file = file;
        this.draft = file.resolveSibling(file.getFileName() + ".draft");
        this.info = info;
        this.figureFiles = figureFiles;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            Files.createDirectories(file.getParent());
            pdf = ArchivalPdf.draft(draft);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        pdf.getDocumentInfo().setTitle(info.jobTitle() + " — " + info.run());
        pdf.getDocumentInfo().setSubject("Postbinder archive of job " + info.job() + ", run " + info.run());
        pdf.getDocumentInfo().setCreator("Postbinder");
        document = ArchivalPdf.layout(pdf);
        section = new PostSection(PdfFonts.latin(), figureFiles);
        sections.clear();
        sites.clear();
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
            // what is drawn of the posts before goes to the file, images too (iText keeps them otherwise)
            section.writeOutImages();
        }
        String anchor = "post-" + (sections.size() + 1);
        section.addTitle(document, post, anchor);
        sections.add(new Section(post.title(), month(post), pdf.getNumberOfPages()));
        if (post.siteName() != null) {
            sites.add(post.siteName());
        }
        section.addBody(document, post);
    }

    @Override
    public void finish() throws IOException {
        int contentPages = pdf.getNumberOfPages();
        int frontMatterPages = 1 + countContentsPages();
        addCover();
        addContents(frontMatterPages);
        padFrontMatter(contentPages, frontMatterPages);
        Document draftDocument = document;
        // written or failed, the draft is closed: closing it again would only fail again
        document = null;
        draftDocument.close();
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
            Document draftDocument = document;
            document = null;
            draftDocument.close();
        }
    }

    /**
     * Second pass: front matter to the front, then a header and footer on every page, and the
     * outline: an entry per post, under an entry per month when there are many (posts come in
     * date order, so a month's posts are together).
     */
    private void arrange(int contentPages, int frontMatterPages) throws IOException {
        try (PdfDocument volume = ArchivalPdf.declare(draft, file)) {
            for (int i = 0; i < frontMatterPages; i++) {
                volume.movePage(contentPages + 1 + i, 1 + i);
            }
            FontProvider fonts = PdfFonts.provider();
            PdfOutline root = volume.getOutlines(false);
            PdfOutline month = null;
            int total = volume.getNumberOfPages();
            int section = -1;
            for (int number = 2; number <= total; number++) {
                while (section + 1 < sections.size() && sections.get(section + 1).firstPage() + frontMatterPages <= number) {
                    section++;
                    Section post = sections.get(section);
                    PdfExplicitDestination start = PdfExplicitDestination.createFit(volume.getPage(number));
                    if (sections.size() > FLAT_OUTLINE_UP_TO && (month == null || !month.getTitle().equals(post.month()))) {
                        month = root.addOutline(post.month());
                        month.addDestination(start);
                    }
                    (month == null ? root : month).addOutline(post.title()).addDestination(start);
                }
                String header = section < 0 ? "Contents" : sections.get(section).title();
                stamp(volume, volume.getPage(number), fonts, header, "page " + number + " of " + total);
                // pages are written out as they are done, so the second pass holds one page at a time
                volume.getPage(number).flush(true);
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
        document.add(PostSection.text(info.jobTitle(), 28, true, BODY_WIDTH).setMarginTop(180));
        document.add(new Paragraph("Postbinder archive").setFontSize(14).setFontColor(ColorConstants.DARK_GRAY));
        document.add(new Paragraph("Job: " + info.job()).setMarginTop(40));
        document.add(new Paragraph("Run: " + info.run()));
        document.add(PostSection.text("Sites: " + (sites.isEmpty() ? "—" : String.join(", ", sites)), BODY_SIZE, false, BODY_WIDTH));
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
            ArchivalPdf.setUp(layout);
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
            entry.setProperty(Property.LINK_ANNOTATION, PostSection.printable(new PdfLinkAnnotation(new Rectangle(0, 0, 0, 0))
                    .setAction(PdfAction.createGoTo("post-" + (i + 1)))));
            target.add(entry);
        }
    }

    /** "April 2025", or "Undated". */
    private static String month(Post post) {
        if (post.publishedAt() == null) {
            return "Undated";
        }
        YearMonth month = YearMonth.parse(post.publishedAt().substring(0, 7));
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "...";
    }
}
