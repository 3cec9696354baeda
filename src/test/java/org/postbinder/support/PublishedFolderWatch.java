package org.postbinder.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.postbinder.export.ArchiveLocation;
import org.postbinder.export.ArchivePublisher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches a run's published folder from another thread, as a reader of the archive would: the first
 * time the folder is seen, it must hold its manifest and exactly the files the manifest lists, each
 * with its size and SHA-256. A published archive never changes afterwards, so one look is enough.
 */
public final class PublishedFolderWatch implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final AtomicReference<Optional<String>> verdict = new AtomicReference<>();
    private final Thread watcher;

    public PublishedFolderWatch(Path folder) {
        this.folder = folder;
        this.watcher = new Thread(this::watch, "published-folder-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** What was wrong with the folder when it was first seen; empty if it was complete or never appeared. */
    public Optional<String> incomplete() {
        Optional<String> seen = verdict.get();
        return seen == null ? Optional.empty() : seen;
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            if (Files.isDirectory(folder)) {
                verdict.set(check());
                return;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }

    private Optional<String> check() {
        try {
            Path manifest = folder.resolve(ArchiveLocation.MANIFEST);
            if (!Files.exists(manifest)) {
                return Optional.of("no " + ArchiveLocation.MANIFEST + " in " + folder);
            }
            Set<String> listed = new HashSet<>(List.of(ArchiveLocation.MANIFEST));
            for (JsonNode file : JSON.readTree(manifest.toFile()).get("files")) {
                String name = file.get("name").asString();
                listed.add(name);
                Path path = folder.resolve(name);
                if (!Files.exists(path) || Files.size(path) != file.get("bytes").asLong()
                        || !ArchivePublisher.sha256(path).equals(file.get("sha256").asString())) {
                    return Optional.of(name + " is missing or differs from the manifest");
                }
            }
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString())
                        .filter(name -> !listed.contains(name)).findFirst()
                        .map(name -> name + " is published but not in the manifest");
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.of("unreadable: " + unreadable);
        }
    }

    @Override
    public void close() throws InterruptedException {
        watcher.interrupt();
        watcher.join();
    }
}
