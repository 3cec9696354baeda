package org.postbinder.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Finishes a run's archive: checksums the staged files, writes {@code manifest.json} beside them,
 * and renames the staging folder to {@code <output>/<job>/<run>/} in one atomic move. A reader of
 * the output folder sees either no archive or a complete one. Thread-safe.
 */
@Component
public class ArchivePublisher {

    private final JsonMapper json;

    public ArchivePublisher(JsonMapper json) {
        this.json = json;
    }

    /** Puts the record's JSON Schema beside the JSON files it describes, and returns its name. */
    public String stageRecordSchema(ArchiveLocation location) {
        Path target = location.staging().resolve(ArchiveLocation.RECORD_SCHEMA);
        try (InputStream schema = ArchivePublisher.class.getResourceAsStream("/schema/" + ArchiveLocation.RECORD_SCHEMA)) {
            if (schema == null) {
                throw new IllegalStateException("the record schema is missing from the application");
            }
            Files.createDirectories(location.staging());
            Files.copy(schema, target, StandardCopyOption.REPLACE_EXISTING);
            return ArchiveLocation.RECORD_SCHEMA;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the record schema in " + location.staging(), e);
        }
    }

    /** Lists the staged files with size and SHA-256, sorted by path ({@code posts/...} for per-post files). */
    public List<Manifest.FileEntry> stagedFiles(ArchiveLocation location) {
        Path staging = location.staging();
        try (Stream<Path> files = Files.walk(staging)) {
            List<Manifest.FileEntry> entries = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = staging.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!name.equals(ArchiveLocation.MANIFEST)) {
                    entries.add(new Manifest.FileEntry(name, Files.size(file), sha256(file)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged archive " + location.staging(), e);
        }
    }

    /**
     * Whether this run's archive is already out, manifest and all. A restart after a crash between
     * the rename and the job repository's commit finds it so (having written the files again in
     * staging, which {@link #discardStaging} then removes).
     */
    public boolean isPublished(ArchiveLocation location) {
        return Files.isRegularFile(location.published().resolve(ArchiveLocation.MANIFEST));
    }

    /** Removes the run's staging folder, if there is one. */
    public void discardStaging(ArchiveLocation location) {
        StagingFolder.delete(location.staging());
    }

    public Path publish(ArchiveLocation location, Manifest manifest) {
        Path staging = location.staging();
        Path target = location.published();
        try {
            requireFinished(staging);
            json.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(ArchiveLocation.MANIFEST).toFile(), manifest);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "an archive of this run is already published");
            }
            syncAll(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the output folder does not support atomic renames: " + target, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    /** A file still being finished (the PDF's draft) means the archive is not complete: it must not go out. */
    private static void requireFinished(Path staging) throws IOException {
        try (Stream<Path> files = Files.walk(staging)) {
            Optional<Path> draft = files.filter(file -> file.getFileName().toString().endsWith(".draft")).findFirst();
            if (draft.isPresent()) {
                throw new IllegalStateException("the archive in " + staging + " is unfinished (" + draft.get().getFileName()
                        + " is still a draft); it is not published");
            }
        }
    }

    /** Makes the files durable before the rename makes them visible, so a power cut cannot publish empty files. */
    private static void syncAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
