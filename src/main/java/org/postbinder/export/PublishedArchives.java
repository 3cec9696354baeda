package org.postbinder.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The files of published archives, for listing and download. A file is found only by its exact
 * name among the regular files actually published for the run (symbolic links are never
 * followed, and nothing outside the run's folder is listed), so no path a user sends can reach
 * anything else. Staging folders are not published archives and are never shown.
 */
@Component
public class PublishedArchives {

    /** Subfolders of an archive are one level deep ({@code posts/}). */
    private static final int DEPTH = 2;

    private final OutputProperties output;

    public PublishedArchives(OutputProperties output) {
        this.output = output;
    }

    /** One published file: its path within the archive ({@code posts.csv}, {@code posts/2025-04-10-a.pdf}). */
    public record ArchiveFile(String name, Path path, long size, Instant modified) {}

    public List<ArchiveFile> files(String job, String run) {
        Path folder = output.location(job, run).published();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !isInside(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder, DEPTH)) {
            return walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .map(file -> describe(folder, file))
                    .sorted(java.util.Comparator.comparing(ArchiveFile::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    public Optional<ArchiveFile> file(String job, String run, String name) {
        return files(job, run).stream().filter(file -> file.name().equals(name)).findFirst();
    }

    /** The run's folder is where it should be: no link on the way leads out of the output folder. */
    private boolean isInside(Path folder) {
        try {
            return folder.toRealPath().startsWith(output.dir().toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static ArchiveFile describe(Path folder, Path file) {
        try {
            String name = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            return new ArchiveFile(name, file, Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
