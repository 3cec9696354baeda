package org.postbinder.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Serves pages from WARC files instead of the network, so that an archive can be rebuilt later
 * (with a better extractor, say) from what a crawl kept. Only successful (2xx) responses count;
 * when a URL was captured more than once, the last capture is served. The files are indexed once,
 * when the replay is made. Thread-safe.
 */
public final class WarcReplay implements PageFetcher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WarcReplay.class);

    /** Where one capture lies: its file and the record's offset in it. */
    private record Capture(Path file, long offset, String contentType) {}

    private final Map<String, Capture> captures;

    private WarcReplay(Map<String, Capture> captures) {
        // in capture order, which is the order the crawl found the pages
        this.captures = Collections.unmodifiableMap(new LinkedHashMap<>(captures));
    }

    public static WarcReplay of(List<Path> files) {
        Map<String, Capture> captures = new LinkedHashMap<>();
        for (Path file : files) {
            try (WarcReader reader = new WarcReader(file)) {
                for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                    long offset = reader.position();
                    // a capture cut short (too large, an error status) would rebuild a page with half its text
                    if (next.get() instanceof WarcResponse response && response.http().status() / 100 == 2
                            && response.headers().first("WARC-Truncated").isEmpty()) {
                        String type = response.http().headers().first("Content-Type").orElse("text/html");
                        UrlNormalizer.normalize(response.targetURI())
                                .ifPresent(url -> captures.put(url.toString(), new Capture(file, offset, type)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a file a crash cut short: the records before the damage still count
                LOG.warn("WARC file {} is damaged after {} captures: {}", file, captures.size(), e.getMessage());
            }
        }
        return new WarcReplay(captures);
    }

    /** The captured pages that are HTML, in capture order: the seeds of a run rebuilt from WARC files. */
    public List<URI> htmlPages() {
        return captures.entrySet().stream()
                .filter(capture -> isHtml(capture.getValue().contentType()))
                .map(capture -> URI.create(capture.getKey()))
                .toList();
    }

    @Override
    public boolean supports(URI url) {
        return true;
    }

    @Override
    public FetchResult fetch(URI url, FetchSettings settings, Validators known) {
        Capture capture = captures.get(url.toString());
        if (capture == null) {
            return FetchResult.skipped(FetchOutcome.NOT_FOUND, "not in the WARC files");
        }
        try (WarcReader reader = new WarcReader(capture.file())) {
            reader.position(capture.offset());
            WarcResponse response = (WarcResponse) reader.next().orElseThrow();
            HttpResponse http = response.http();
            try (InputStream body = Channels.newInputStream(http.bodyDecoded())) {
                Optional<byte[]> bytes = BoundedBody.read(body, settings.maxBodyBytes());
                if (bytes.isEmpty()) {
                    return FetchResult.skipped(FetchOutcome.TOO_LARGE, "larger than " + settings.maxBodyBytes() + " bytes");
                }
                MediaType type = MediaType.parseLeniently(capture.contentType());
                Optional<Charset> charset = Optional.ofNullable(type.parameters().get("charset")).flatMap(WarcReplay::charset);
                return FetchResult.fetched(new FetchedPage(url, url, type.base().toString().toLowerCase(Locale.ROOT), charset,
                        bytes.get(), response.date()));
            }
        } catch (IOException | RuntimeException e) {
            return FetchResult.skipped(FetchOutcome.FAILED, "cannot read its WARC record: " + e.getMessage());
        }
    }

    private static boolean isHtml(String contentType) {
        String base = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
