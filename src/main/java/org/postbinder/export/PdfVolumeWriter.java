package org.postbinder.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.navigation.PdfExplicitDestination;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Link;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Tab;
import com.itextpdf.layout.element.TabStop;
import com.itextpdf.layout.properties.AreaBreakType;
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
 * the footer. Text is set in an embedded DejaVu Sans subset, so accented Latin, Greek, Cyrillic and
 * typographic quotes render.
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

    private final Path file;
    private final Path draft;
    private final VolumeInfo info;
    private final List<Section> sections = new ArrayList<>();
    private final SortedSet<String> sites = new TreeSet<>();
    private @Nullable PdfDocument pdf;
    private @Nullable Document document;
    private @Nullable PdfFont regular;
    private @Nullable PdfFont bold;

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
            regular = font("fonts/DejaVuSans.ttf");
            bold = font("fonts/DejaVuSans-Bold.ttf");
            pdf = new PdfDocument(new PdfWriter(draft.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        pdf.getDocumentInfo().setTitle(info.jobTitle() + " — " + info.run());
        pdf.getDocumentInfo().setSubject("Postbinder archive of job " + info.job() + ", run " + info.run());
        pdf.getDocumentInfo().setCreator("Postbinder");
        document = new Document(pdf, PageSize.A4, true);
        document.setMargins(MARGIN + 14, MARGIN, MARGIN + 14, MARGIN);
        document.setFont(regular).setFontSize(BODY_SIZE);
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
        }
        String anchor = "post-" + (sections.size() + 1);
        document.add(new Paragraph(post.title()).setFont(bold).setFontSize(18).setMarginBottom(6).setDestination(anchor));
        sections.add(new Section(post.title(), pdf.getNumberOfPages()));
        pdf.getOutlines(false).addOutline(post.title())
                .addDestination(PdfExplicitDestination.createFit(pdf.getPage(pdf.getNumberOfPages())));
        if (post.siteName() != null) {
            sites.add(post.siteName());
        }
        document.add(small(byline(post)));
        for (String caption : post.captions()) {
            document.add(new Paragraph(caption).setFontSize(9).setFontColor(ColorConstants.DARK_GRAY)
                    .setBorderLeft(new com.itextpdf.layout.borders.SolidBorder(ColorConstants.GRAY, 1.5f))
                    .setPaddingLeft(6).setMarginTop(4));
        }
        for (String paragraph : post.paragraphs()) {
            document.add(new Paragraph(paragraph).setTextAlignment(TextAlignment.LEFT).setMarginTop(4).setMultipliedLeading(1.35f));
        }
        document.add(small("Source: ").add(link(post.url())).setMarginTop(14));
        if (!post.canonicalUrl().equals(post.url())) {
            document.add(small("Canonical: ").add(link(post.canonicalUrl())));
        }
        document.add(small("Fetched " + post.fetchedAt() + " · SHA-256 " + post.contentSha256()));
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
        try (PdfDocument volume = new PdfDocument(new PdfReader(draft.toString()), new PdfWriter(file.toString()))) {
            for (int i = 0; i < frontMatterPages; i++) {
                volume.movePage(contentPages + 1 + i, 1 + i);
            }
            PdfFont stampFont = font("fonts/DejaVuSans.ttf");
            int total = volume.getNumberOfPages();
            int section = -1;
            for (int number = 2; number <= total; number++) {
                while (section + 1 < sections.size() && sections.get(section + 1).firstPage() + frontMatterPages <= number) {
                    section++;
                }
                String header = section < 0 ? "Contents" : sections.get(section).title();
                stamp(volume, volume.getPage(number), stampFont, header, "page " + number + " of " + total);
                // pages are written out as they are done, so the second pass holds one page at a time
                volume.getPage(number).flush();
            }
        }
    }

    private static void stamp(PdfDocument volume, PdfPage page, PdfFont font, String header, String footer) {
        Rectangle size = page.getPageSize();
        try (Canvas canvas = new Canvas(new PdfCanvas(page.newContentStreamAfter(), page.getResources(), volume), size)) {
            canvas.setFont(font).setFontSize(8).setFontColor(ColorConstants.GRAY);
            canvas.showTextAligned(shorten(header), MARGIN, size.getTop() - MARGIN + 10, TextAlignment.LEFT);
            canvas.showTextAligned(footer, size.getWidth() / 2, MARGIN - 20, TextAlignment.CENTER);
        }
    }

    private void addCover() {
        if (pdf.getNumberOfPages() > 0) {
            document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        }
        document.add(new Paragraph(info.jobTitle()).setFont(bold).setFontSize(28).setMarginTop(180));
        document.add(new Paragraph("Postbinder archive").setFontSize(14).setFontColor(ColorConstants.DARK_GRAY));
        document.add(new Paragraph("Job: " + info.job()).setMarginTop(40));
        document.add(new Paragraph("Run: " + info.run()));
        document.add(new Paragraph("Sites: " + (sites.isEmpty() ? "—" : String.join(", ", sites))));
        document.add(new Paragraph("Posts: " + sections.size()));
    }

    private void addContents(int frontMatterPages) {
        document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        writeContents(document, frontMatterPages, regular, bold);
    }

    /**
     * Lays the contents out once in a scratch document (with its own font objects: a font belongs
     * to one document) to learn how many pages they take.
     */
    private int countContentsPages() {
        try (PdfDocument scratch = new PdfDocument(new PdfWriter(new ByteArrayOutputStream()))) {
            Document layout = new Document(scratch, PageSize.A4);
            layout.setMargins(MARGIN + 14, MARGIN, MARGIN + 14, MARGIN);
            PdfFont scratchRegular = font("fonts/DejaVuSans.ttf");
            layout.setFont(scratchRegular).setFontSize(BODY_SIZE);
            writeContents(layout, 9999, scratchRegular, font("fonts/DejaVuSans-Bold.ttf"));
            int pages = scratch.getNumberOfPages();
            layout.close();
            return Math.max(1, pages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the PDF fonts", e);
        }
    }

    private void writeContents(Document target, int pageOffset, PdfFont font, PdfFont heading) {
        target.add(new Paragraph("Contents").setFont(heading).setFontSize(18).setMarginBottom(12));
        float width = PageSize.A4.getWidth() - 2 * MARGIN;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            Paragraph entry = new Paragraph().setFont(font).setMarginTop(2)
                    .addTabStops(new TabStop(width, TabAlignment.RIGHT))
                    .add(section.title()).add(new Tab()).add(String.valueOf(section.firstPage() + pageOffset));
            entry.setAction(PdfAction.createGoTo("post-" + (i + 1)));
            target.add(entry);
        }
    }




    private Paragraph small(String text) {
        return new Paragraph(text).setFontSize(8.5f).setFontColor(ColorConstants.DARK_GRAY).setMarginTop(0).setMarginBottom(0);
    }

    private static Link link(String url) {
        Link link = new Link(url, PdfAction.createURI(url));
        link.setFontColor(ColorConstants.BLUE);
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

    private static PdfFont font(String resource) throws IOException {
        try (InputStream in = PdfVolumeWriter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return PdfFontFactory.createFont(in.readAllBytes(), PdfEncodings.IDENTITY_H,
                    PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
        }
    }
}
