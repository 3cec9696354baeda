package org.postbinder.export;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.Document;
import com.itextpdf.pdfa.PdfADocument;

/**
 * The archival PDFs Postbinder writes, the volume and the per-post files alike: PDF/A-2u, A4, the
 * same margins, fonts and body size.
 */
final class ArchivalPdf {

    static final float MARGIN = 54;
    static final float BODY_SIZE = 10.5f;
    static final float BODY_WIDTH = PageSize.A4.getWidth() - 2 * MARGIN;

    private ArchivalPdf() {
    }

    /** A new PDF/A-2u document written to {@code file}. */
    static PdfADocument create(Path file) throws IOException {
        return new PdfADocument(new PdfWriter(file.toString()), PdfAConformance.PDF_A_2U, srgbIntent());
    }

    /**
     * A plain draft, read back by {@link #declare} later. Long documents are drafted without iText's
     * PDF/A checker: it keeps every content stream it has checked until the document closes, which
     * for a volume of many thousands of pages outgrows the heap. The volume's conformance is checked
     * by veraPDF in the tests instead.
     */
    static PdfDocument draft(Path file) throws IOException {
        return new PdfDocument(new PdfWriter(file.toString()));
    }

    /**
     * The draft written again to {@code target}, changed by the caller, and declared PDF/A-2u: the
     * XMP identification and the sRGB output intent that a {@link PdfADocument} would add.
     */
    static PdfDocument declare(Path draft, Path target) throws IOException {
        WriterProperties properties = new WriterProperties().addPdfAXmpMetadata(PdfAConformance.PDF_A_2U);
        PdfDocument pdf = new PdfDocument(new PdfReader(draft.toString()), new PdfWriter(target.toString(), properties));
        pdf.addOutputIntent(srgbIntent());
        return pdf;
    }

    /** Lays A4 pages out into the document, writing each out as soon as it is full. */
    static Document layout(PdfDocument pdf) {
        Document document = new Document(pdf, PageSize.A4, true);
        setUp(document);
        return document;
    }

    /** Margins, the fonts (per script) and the body size. */
    static void setUp(Document document) {
        document.setMargins(MARGIN + 14, MARGIN, MARGIN + 14, MARGIN);
        document.setFontProvider(PdfFonts.provider());
        document.setFontFamily(PdfFonts.REGULAR).setFontSize(BODY_SIZE);
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
}
