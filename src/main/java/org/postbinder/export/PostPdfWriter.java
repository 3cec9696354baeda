package org.postbinder.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import com.itextpdf.layout.Document;
import com.itextpdf.pdfa.PdfADocument;

import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Writes a PDF/A file per post into the archive's {@value ArchiveLocation#POSTS_FOLDER}/ folder,
 * named by date and slug ({@link PostFileNames}), laid out like the post's section of the volume.
 * Each file is complete once written; a restarted export starts the folder afresh, as the other
 * writers rewrite their files.
 */
public class PostPdfWriter implements ArchiveFileWriter {

    private final Path folder;
    private final Set<String> taken = new HashSet<>();
    private final FigureFiles figureFiles;

    /** One PDF per post in {@code folder}, showing the images {@code figureFiles} finds. */
    public PostPdfWriter(Path folder, FigureFiles figureFiles) {
        this.folder = folder;
        this.figureFiles = figureFiles;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder, e);
        }
        taken.clear();
    }

    @Override
    public void write(Chunk<? extends Post> posts) throws IOException {
        for (Post post : posts) {
            Path file = folder.resolve(PostFileNames.name(post, taken));
            try (PdfADocument pdf = ArchivalPdf.create(file)) {
                pdf.getDocumentInfo().setTitle(post.title());
                pdf.getDocumentInfo().setAuthor(post.author() == null ? "" : post.author());
                pdf.getDocumentInfo().setSubject(post.canonicalUrl());
                pdf.getDocumentInfo().setCreator("Postbinder");
                Document document = ArchivalPdf.layout(pdf);
                PostSection section = new PostSection(PdfFonts.latin(), figureFiles);
                section.addTitle(document, post, null);
                section.addBody(document, post);
                document.close();
            }
        }
    }

    /** Every file was finished as it was written. */
    @Override
    public void finish() {
    }
}
