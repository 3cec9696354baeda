package org.postbinder.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobFileLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The jobs in the jobs folder, read again when a file is added, changed or removed. A file that
 * no longer loads is reported and keeps its last good version; two files may not share a job name.
 */
@Component
public class JobCatalog {

    private static final Logger log = LoggerFactory.getLogger(JobCatalog.class);

    private final JobFileLoader loader;
    private final Path folder;
    private final Map<Path, Loaded> files = new HashMap<>();

    public JobCatalog(JobFileLoader loader, ScheduleProperties properties) {
        this.loader = loader;
        this.folder = properties.jobsDir();
    }

    /** A file's state when it was last read: its time stamp and size tell whether to read it again. */
    private record Loaded(FileTime modified, long size, CatalogEntry entry) {}

    /** Reads what changed since the last call; true when any job was added, changed or removed. */
    public synchronized boolean refresh() {
        List<Path> onDisk = jobFiles();
        boolean changed = files.keySet().removeIf(file -> !onDisk.contains(file));
        for (Path file : onDisk) {
            changed |= read(file);
        }
        return changed;
    }

    public synchronized List<CatalogEntry> entries() {
        return files.values().stream().map(Loaded::entry).sorted(Comparator.comparing(CatalogEntry::name)).toList();
    }

    public Optional<JobDefinition> job(String name) {
        return entries().stream().flatMap(entry -> entry.job().stream()).filter(job -> job.name().equals(name)).findFirst();
    }

    private boolean read(Path file) {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException vanished) {
            return files.remove(file) != null;
        }
        Loaded before = files.get(file);
        if (before != null && before.modified().equals(modified) && before.size() == size) {
            return false;
        }
        Optional<JobDefinition> lastGood = before == null ? Optional.empty() : before.entry().job();
        CatalogEntry entry = load(file, lastGood);
        files.put(file, new Loaded(modified, size, entry));
        return !entry.job().equals(lastGood);
    }

    private CatalogEntry load(Path file, Optional<JobDefinition> lastGood) {
        try {
            JobDefinition job = loader.load(file);
            Optional<Path> other = fileOf(job.name()).filter(owner -> !owner.equals(file));
            if (other.isPresent()) {
                throw new IllegalArgumentException(file + ": job name " + job.name() + " is already used by " + other.get());
            }
            log.info("job {} loaded from {}", job.name(), file);
            return new CatalogEntry(file, Optional.of(job), Optional.empty());
        } catch (RuntimeException bad) {
            log.warn("{}{}", bad.getMessage(), lastGood.isPresent() ? " (the last good version stays scheduled)" : "");
            return new CatalogEntry(file, lastGood, Optional.of(String.valueOf(bad.getMessage())));
        }
    }

    private Optional<Path> fileOf(String jobName) {
        return files.values().stream().map(Loaded::entry)
                .filter(entry -> entry.job().map(JobDefinition::name).filter(jobName::equals).isPresent())
                .map(CatalogEntry::file).findFirst();
    }

    private List<Path> jobFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(file -> file.getFileName().toString().matches(".+\\.ya?ml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jobs folder " + folder, e);
        }
    }
}
