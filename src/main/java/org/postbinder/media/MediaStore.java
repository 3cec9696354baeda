package org.postbinder.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored images of one job: files under {@code <output.dir>/<job>/media/}, each named by the
 * SHA-256 of its bytes ({@code ab/abcdef….jpg}), so that an image several posts show, or several
 * URLs serve, is one file. A file is written under a temporary name and moved into place, so a
 * kill never leaves half an image under a real name. Thread-safe.
 */
public final class MediaStore {

    private final Path folder;

    public MediaStore(Path folder) {
        this.folder = folder;
    }

    /** The job's store under the output folder. */
    public static MediaStore of(Path outputDir, String job) {
        return new MediaStore(outputDir.resolve(job).resolve("media"));
    }

    /** Stores the bytes (unless the same bytes are there already) and returns their SHA-256. */
    public String put(byte[] bytes, String mediaType) {
        String sha256 = sha256(bytes);
        Path file = file(sha256, mediaType);
        if (Files.isRegularFile(file)) {
            return sha256;
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), sha256, ".part");
            Files.write(partial, bytes);
            move(partial, file);
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an image in " + folder, e);
        }
    }

    public Path file(String sha256, String mediaType) {
        String extension = mediaType.equals("image/png") ? ".png" : ".jpg";
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256 + extension);
    }

    private static void move(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
