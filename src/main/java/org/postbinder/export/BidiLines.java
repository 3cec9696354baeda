package org.postbinder.export;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Sets right-to-left text for iText, which draws characters in the order it gets them and has no
 * Arabic shaping of its own (both come with the commercial pdfCalligraph add-on). A paragraph with
 * Arabic or Hebrew in it is shaped here (ICU: each Arabic letter in its joined form), broken into
 * lines to fit the width, and each line put in visual order by the Unicode bidi algorithm, so that
 * iText draws exactly what a reader should see. Breaking before reordering matters: reordering a
 * whole paragraph and letting iText wrap it would put its lines in the wrong order.
 */
final class BidiLines {

    /** Room left on each line, so that iText's own line breaking never wraps a line again. */
    private static final float SAFETY = 0.96f;

    private BidiLines() {
    }

    /** Whether the text has any right-to-left character and so needs {@link #layout}. */
    static boolean hasRightToLeft(String text) {
        return Bidi.requiresBidi(text.toCharArray(), 0, text.length());
    }

    /** Whether the paragraph reads right to left, by its first strong character; it is then right-aligned. */
    static boolean isRightToLeft(String text) {
        return new Bidi(text, Bidi.LEVEL_DEFAULT_LTR).getParaLevel() % 2 == 1;
    }

    /**
     * The paragraph shaped, broken into lines no wider than {@code width} at {@code size}, and each
     * line in visual order; the lines are joined with newlines, which iText honours as breaks.
     */
    static String layout(String text, float width, float size, boolean bold) {
        String shaped = shape(text);
        byte direction = isRightToLeft(text) ? Bidi.RTL : Bidi.LTR;
        List<String> visual = new ArrayList<>();
        for (String line : wrap(shaped, width * SAFETY, size, bold)) {
            visual.add(new Bidi(line, direction).writeReordered(Bidi.DO_MIRRORING));
        }
        return String.join("\n", visual);
    }

    private static String shape(String text) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(text);
        } catch (ArabicShapingException e) {
            // only thrown for fixed-length options, which are not used; unshaped letters still read
            return text;
        }
    }

    /** Greedy breaking at spaces, in logical order; a word longer than a line gets a line of its own. */
    private static List<String> wrap(String text, float width, float size, boolean bold) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && PdfFonts.width(candidate, size, bold) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
