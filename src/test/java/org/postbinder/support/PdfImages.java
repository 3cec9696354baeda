package org.postbinder.support;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;

/** The images a PDF draws, read back with iText. */
public final class PdfImages {

    private PdfImages() {}

    /** Image XObjects in the pages' resources, each counted once however often it is drawn. */
    public static int count(Path pdf) throws Exception {
        try (PdfDocument document = new PdfDocument(new PdfReader(pdf.toString()))) {
            Set<PdfStream> images = new HashSet<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PdfDictionary xObjects = document.getPage(page).getResources().getResource(PdfName.XObject);
                if (xObjects == null) {
                    continue;
                }
                for (PdfName name : xObjects.keySet()) {
                    PdfStream stream = xObjects.getAsStream(name);
                    if (stream != null && PdfName.Image.equals(stream.getAsName(PdfName.Subtype))) {
                        images.add(stream);
                    }
                }
            }
            return images.size();
        }
    }
}
