package org.postbinder.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Reads {@code file:} URLs: a saved or mirrored site on disk. A folder URL reads the folder's
 * {@code index.html}, as a web server would. The content type of a page comes from the file
 * extension; an image ({@link #fetchImage}) is any file, told by its bytes later.
 * Thread-safe.
 */
@Component
public class FileFetcher implements PageFetcher {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html", "htm", "text/html", "xhtml", "application/xhtml+xml",
            "xml", "application/xml", "rss", "application/rss+xml", "atom", "application/atom+xml",
            "txt", "text/plain", "gz", "application/gzip");

    @Override
    public boolean supports(URI url) {
        return "file".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public FetchResult fetch(URI url, FetchSettings settings, Validators known) {
        return located(url, settings, true, path -> page(url, path, settings, known));
    }

    /** A file on disk is an image or not by its bytes, which the caller reads; only its size is checked here. */
    @Override
    public FetchResult fetchImage(URI url, FetchSettings settings) {
        return located(url, settings, false, path -> {
            try (InputStream in = Files.newInputStream(path)) {
                return BoundedBody.read(in, settings.maxBodyBytes())
                        .map(body -> FetchResult.fetched(new FetchedPage(url, path.toUri(), "application/octet-stream",
                                Optional.empty(), body, Instant.now())))
                        .orElseGet(() -> tooLarge(settings));
            } catch (IOException e) {
                return unreadable(path, e);
            }
        });
    }

    /** The file of a URL the gate lets through, read by {@code read}; a folder is its index.html when reading pages. */
    private static FetchResult located(URI url, FetchSettings settings, boolean page, Function<Path, FetchResult> read) {
        Optional<String> refused = settings.gate().refusal(url);
        if (refused.isPresent()) {
            return FetchResult.skipped(FetchOutcome.BLOCKED, refused.get());
        }
        Path path;
        try {
            path = Path.of(url);
        } catch (IllegalArgumentException e) {
            return FetchResult.skipped(FetchOutcome.NOT_FOUND, "not a local file path: " + e.getMessage());
        }
        if (page && Files.isDirectory(path)) {
            path = path.resolve("index.html");
        }
        if (!Files.isRegularFile(path)) {
            return FetchResult.skipped(FetchOutcome.NOT_FOUND, "no such file: " + path);
        }
        return read.apply(path);
    }

    private static FetchResult page(URI url, Path path, FetchSettings settings, Validators known) {
        String type = TYPES.get(extension(path));
        if (type == null) {
            return FetchResult.skipped(FetchOutcome.UNSUPPORTED_TYPE, "not a page or feed: " + path.getFileName());
        }
        try (InputStream in = Files.newInputStream(path)) {
            // a saved site is incremental too: the file's modification time plays Last-Modified
            String modified = Files.getLastModifiedTime(path).toInstant().toString();
            if (known.lastModified().filter(modified::equals).isPresent()) {
                return FetchResult.notModified();
            }
            Optional<byte[]> body = BoundedBody.read(in, settings.maxBodyBytes());
            if (body.isEmpty()) {
                return tooLarge(settings);
            }
            return FetchResult.fetched(new FetchedPage(url, path.toUri(), type, Optional.empty(), body.get(), Instant.now(),
                    new Validators(Optional.empty(), Optional.of(modified))));
        } catch (IOException e) {
            return unreadable(path, e);
        }
    }

    private static FetchResult tooLarge(FetchSettings settings) {
        return FetchResult.skipped(FetchOutcome.TOO_LARGE, "larger than " + settings.maxBodyBytes() + " bytes");
    }

    private static FetchResult unreadable(Path path, IOException e) {
        return FetchResult.skipped(FetchOutcome.FAILED, "cannot read " + path + ": " + e.getMessage());
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "html" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
