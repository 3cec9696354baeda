package org.postbinder.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * A plain, correct HTTP GET: connect and total timeouts, at most a few redirects, a size limit
 * enforced while the body streams in, and only the content types the pipeline reads. No cookies,
 * no retries (the polite crawler with robots.txt and backoff is its own piece). Thread-safe.
 */
@Component
public class HttpFetcher implements PageFetcher {

    private static final Set<String> READABLE = Set.of("text/html", "application/xhtml+xml", "application/xml",
            "text/xml", "application/rss+xml", "application/atom+xml", "text/plain", "application/gzip",
            "application/x-gzip");

    /** Fires the total-time limit of each response; one daemon thread serves every fetch. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "postbinder-fetch-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /** One client per connect timeout: clients hold a connection pool and a selector thread. */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    @Override
    public boolean supports(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    @Override
    public FetchResult fetch(URI url, FetchSettings settings) {
        HttpClient client = clients.computeIfAbsent(settings.connectTimeout(), timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.1")
                .GET()
                .build();
        AtomicBoolean timedOut = new AtomicBoolean();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the request timeout covers the headers only: the body is cut when the whole response has
            // taken the read timeout, counted from the request
            long left = settings.readTimeout().toNanos() - (System.nanoTime() - started);
            try (InputStream body = response.body()) {
                ScheduledFuture<?> deadline = DEADLINES.schedule(() -> abort(body, timedOut),
                        Math.max(0, left), TimeUnit.NANOSECONDS);
                try {
                    return read(url, response, body, settings);
                } finally {
                    deadline.cancel(false);
                }
            }
        } catch (HttpTimeoutException e) {
            return timedOut(settings);
        } catch (IOException e) {
            if (timedOut.get()) {
                return timedOut(settings);
            }
            return FetchResult.skipped(FetchOutcome.FAILED, "I/O error: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.skipped(FetchOutcome.FAILED, "interrupted");
        }
    }

    private static FetchResult read(URI url, HttpResponse<InputStream> response, InputStream body,
                                    FetchSettings settings) throws IOException {
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return FetchResult.skipped(FetchOutcome.NOT_FOUND, "HTTP " + status);
        }
        if (status >= 400 && status < 500) {
            return FetchResult.skipped(FetchOutcome.REFUSED, "HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            return FetchResult.skipped(FetchOutcome.FAILED, "HTTP " + status);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("text/html");
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!READABLE.contains(mediaType)) {
            return FetchResult.skipped(FetchOutcome.UNSUPPORTED_TYPE, "content type " + mediaType);
        }
        Optional<byte[]> bytes = BoundedBody.read(body, settings.maxBodyBytes());
        if (bytes.isEmpty()) {
            return FetchResult.skipped(FetchOutcome.TOO_LARGE, "larger than " + settings.maxBodyBytes() + " bytes");
        }
        return FetchResult.fetched(new FetchedPage(url, response.uri(), mediaType, charset(contentType), bytes.get(),
                Instant.now()));
    }

    private static Optional<Charset> charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                try {
                    return Optional.of(Charset.forName(pair[1].replace("\"", "").strip()));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static FetchResult timedOut(FetchSettings settings) {
        return FetchResult.skipped(FetchOutcome.FAILED, "timed out after " + settings.readTimeout().toMillis() + " ms");
    }

    private static void abort(InputStream body, AtomicBoolean timedOut) {
        timedOut.set(true);
        try {
            body.close();
        } catch (IOException e) {
            // closing is how the read is interrupted; nothing more to do if it fails
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
