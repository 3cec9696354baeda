package org.postbinder.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.io.font.otf.Glyph;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.font.FontSet;

/**
 * The fonts of the PDF volume, all embedded and subset: DejaVu Sans for Latin, Greek, Cyrillic,
 * Hebrew and most symbols, Noto Sans Arabic for Arabic, and Droid Sans Fallback for Chinese,
 * Japanese and Korean. iText picks the first font of a family list that has a character's glyph,
 * so each script gets its own font and mixed text works. A character none of them has would print
 * the missing-glyph box, which PDF/A forbids; it is replaced by a visible white square instead.
 * The font files are parsed once per process; each document gets its own {@link FontProvider}.
 */
final class PdfFonts {

    static final String[] REGULAR = {"pb-sans", "pb-arabic", "pb-cjk"};
    static final String[] BOLD = {"pb-sans-bold", "pb-arabic-bold", "pb-cjk"};
    /** What stands for a character no bundled font can draw. */
    static final int MISSING = 0x25A1;

    private static final FontSet FONTS = new FontSet();
    private static final FontProgram LATIN;
    private static final List<FontProgram> REGULAR_PROGRAMS;
    private static final List<FontProgram> BOLD_PROGRAMS;

    static {
        FontProgram sans = load("fonts/DejaVuSans.ttf");
        FontProgram sansBold = load("fonts/DejaVuSans-Bold.ttf");
        FontProgram arabic = load("fonts/NotoSansArabic-Regular.ttf");
        FontProgram arabicBold = load("fonts/NotoSansArabic-Bold.ttf");
        FontProgram cjk = load("fonts/DroidSansFallbackFull.ttf");
        FONTS.addFont(sans, PdfEncodings.IDENTITY_H, "pb-sans");
        FONTS.addFont(sansBold, PdfEncodings.IDENTITY_H, "pb-sans-bold");
        FONTS.addFont(arabic, PdfEncodings.IDENTITY_H, "pb-arabic");
        FONTS.addFont(arabicBold, PdfEncodings.IDENTITY_H, "pb-arabic-bold");
        FONTS.addFont(cjk, PdfEncodings.IDENTITY_H, "pb-cjk");
        LATIN = sans;
        REGULAR_PROGRAMS = List.of(sans, arabic, cjk);
        BOLD_PROGRAMS = List.of(sansBold, arabicBold, cjk);
    }

    private PdfFonts() {
    }

    /** A provider for one document: fonts become PDF objects of the document that uses them. */
    static FontProvider provider() {
        return new FontProvider(FONTS, "pb-sans");
    }

    /** DejaVu Sans alone, embedded, as a font for one document (it becomes that document's once used). */
    static PdfFont latin() {
        return PdfFontFactory.createFont(LATIN, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
    }

    /** The text with every character that no bundled font has replaced by {@link #MISSING}. */
    static String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || glyph(codePoint, REGULAR_PROGRAMS) != null) {
                out.appendCodePoint(codePoint);
            } else {
                out.appendCodePoint(MISSING);
            }
        });
        return out.toString();
    }

    /** The width of a line of text at a size, each character in the first font that has it. */
    static float width(String text, float size, boolean bold) {
        List<FontProgram> programs = bold ? BOLD_PROGRAMS : REGULAR_PROGRAMS;
        float units = 0;
        for (int codePoint : text.codePoints().toArray()) {
            Glyph glyph = glyph(codePoint, programs);
            units += glyph == null ? 1000 : glyph.getWidth();
        }
        return units * size / 1000;
    }

    private static Glyph glyph(int codePoint, List<FontProgram> programs) {
        for (FontProgram program : programs) {
            Glyph glyph = program.getGlyph(codePoint);
            if (glyph != null && glyph.getCode() > 0) {
                return glyph;
            }
        }
        return null;
    }

    private static FontProgram load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return FontProgramFactory.createFont(in.readAllBytes(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the PDF font " + resource, e);
        }
    }
}
