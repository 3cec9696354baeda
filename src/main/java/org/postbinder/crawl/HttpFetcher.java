package org.postbinder.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.springframework.stereotype.Component;

/**
 * A careful HTTP GET. Redirects are followed by hand, at most {@link FetchSettings#maxRedirects()}
 * hops, and the URL and every hop are checked by the {@link AddressGuard} and the job's
 * {@link UrlGate} (scope, robots.txt) before a connection is made. The response must arrive within the read timeout, counted from the request
 * to the last byte; gzip and deflate bodies are decoded, and the size limit applies to the decoded
 * bytes while they stream in, so neither an endless body nor a decompression bomb gets far. Only the
 * content types the pipeline reads are read. No cookies. Thread-safe.
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
    public FetchResult fetch(URI url, FetchSettings settings, Validators known) {
        return fetch(url, settings, known, Reading.PAGE);
    }

    /**
     * Fetches a robots.txt the way RFC 9309 wants it read: whatever content type the server gives
     * it, and its first {@value #ROBOTS_TXT_BYTES} bytes when it is longer (a parser must read at
     * least 500 KiB), rather than refusing it as a page would be refused.
     */
    public FetchResult fetchRobotsTxt(URI url, FetchSettings settings) {
        return fetch(url, settings, Validators.NONE, Reading.ROBOTS_TXT);
    }

    static final int ROBOTS_TXT_BYTES = 512 * 1024;

    @Override
    public FetchResult fetchImage(URI url, FetchSettings settings) {
        return fetch(url, settings, Validators.NONE, Reading.IMAGE);
    }

    /** What a body is read as: a page (types checked, too large is refused), a robots.txt or an image. */
    private enum Reading {
        PAGE("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.1"),
        ROBOTS_TXT(PAGE.accept),
        IMAGE("image/jpeg,image/png,image/gif;q=0.9,*/*;q=0.1");

        private final String accept;

        Reading(String accept) {
            this.accept = accept;
        }
    }

    private FetchResult fetch(URI url, FetchSettings settings, Validators known, Reading reading) {
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            if (!visited.add(current)) {
                return FetchResult.skipped(FetchOutcome.FAILED, "redirect loop at " + current);
            }
            URI target = current;
            Optional<String> unsafe = AddressGuard.refusal(target, settings.allowPrivateAddresses(), settings.allowedNetworks());
            if (unsafe.isPresent() && AddressGuard.isTemporary(unsafe.get())) {
                return FetchResult.retryLater(unsafe.get(), Optional.empty());
            }
            Optional<String> refused = unsafe.or(() -> settings.gate().refusal(target));
            if (refused.isPresent()) {
                String via = hop == 0 ? "" : " (redirected from " + url + ")";
                return FetchResult.skipped(FetchOutcome.BLOCKED, refused.get() + via);
            }
            // each response has the whole time, counted once the gate has let it go (waiting for
            // the host's turn is not the response being slow); validators belong to the URL they
            // were given for, not to where it redirects
            long deadline = System.nanoTime() + settings.readTimeout().toNanos();
            Hop result = exchange(url, target, settings, deadline, hop == 0 ? known : Validators.NONE, reading);
            if (result instanceof Done done) {
                return done.result();
            }
            current = ((Redirect) result).location();
        }
        return FetchResult.skipped(FetchOutcome.FAILED, "more than " + settings.maxRedirects() + " redirects");
    }

    /** One request ends in a result, or in a redirect to follow. */
    private sealed interface Hop permits Done, Redirect {
    }

    private record Done(FetchResult result) implements Hop {
    }

    private record Redirect(URI location) implements Hop {
    }

    private Hop exchange(URI original, URI url, FetchSettings settings, long deadline, Validators known,
                         Reading reading) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return new Done(timedOut(settings));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(Duration.ofNanos(left))
                .header("User-Agent", settings.userAgent())
                .header("Accept", reading.accept)
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        known.etag().ifPresent(etag -> builder.header("If-None-Match", etag));
        known.lastModified().ifPresent(date -> builder.header("If-Modified-Since", date));
        HttpRequest request = builder.build();
        AtomicBoolean timedOut = new AtomicBoolean();
        try {
            HttpResponse<InputStream> response = client(settings).send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                ScheduledFuture<?> abort = DEADLINES.schedule(() -> abort(body, timedOut),
                        Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                CapturingInputStream raw = new CapturingInputStream(body, settings.maxBodyBytes());
                long idle = settings.readIdleTimeout().toNanos();
                ScheduledFuture<?> watchdog = DEADLINES.scheduleAtFixedRate(() -> {
                    if (System.nanoTime() - raw.lastReadNanos() > idle) {
                        abort(body, timedOut);
                    }
                }, idle / 4, idle / 4, TimeUnit.NANOSECONDS);
                try {
                    Hop hop = answer(original, url, response, raw, settings, reading);
                    record(settings, request, response, raw, hop);
                    return hop;
                } finally {
                    abort.cancel(false);
                    watchdog.cancel(false);
                }
            }
        } catch (HttpTimeoutException e) {
            return new Done(timedOut(settings));
        } catch (IOException e) {
            return new Done(timedOut.get() ? timedOut(settings)
                    : FetchResult.retryLater("I/O error: " + describe(e), Optional.empty()));
        } catch (IllegalArgumentException e) {
            return new Done(FetchResult.skipped(FetchOutcome.FAILED, "cannot request " + url + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Done(FetchResult.retryLater("interrupted", Optional.empty()));
        }
    }

    /**
     * Maps a response to an outcome. 404 and 410 are final; other 4xx are refusals we respect; 429
     * and 5xx are the server's trouble, worth another try later (after its {@code Retry-After}).
     */
    private static Hop answer(URI original, URI url, HttpResponse<InputStream> response, InputStream body,
                              FetchSettings settings, Reading reading) throws IOException {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status == 304) {
            return new Done(FetchResult.notModified());
        }
        if (status >= 300 && status < 400) {
            Optional<String> location = headers.firstValue("Location");
            if (location.isEmpty()) {
                return new Done(FetchResult.skipped(FetchOutcome.FAILED, "HTTP " + status + " without a Location"));
            }
            Optional<URI> target;
            try {
                target = UrlNormalizer.parse(url.resolve(UrlNormalizer.escapeIllegal(location.get().strip())).toString());
            } catch (IllegalArgumentException e) {
                target = Optional.empty();
            }
            return target.<Hop>map(Redirect::new)
                    .orElseGet(() -> new Done(FetchResult.skipped(FetchOutcome.FAILED, "redirect to " + location.get())));
        }
        if (status == 404 || status == 410) {
            return new Done(FetchResult.skipped(FetchOutcome.NOT_FOUND, "HTTP " + status));
        }
        if (status == 429 || status >= 500) {
            return new Done(FetchResult.retryLater("HTTP " + status, retryAfter(headers)));
        }
        if (status >= 400) {
            return new Done(FetchResult.skipped(FetchOutcome.REFUSED, "HTTP " + status));
        }
        if (status < 200 || status >= 300) {
            return new Done(FetchResult.skipped(FetchOutcome.FAILED, "HTTP " + status));
        }
        String contentType = headers.firstValue("Content-Type").orElse("text/html");
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (reading == Reading.ROBOTS_TXT) {
            byte[] rules = BoundedBody.readPrefix(decoded(body, headers), ROBOTS_TXT_BYTES);
            return new Done(FetchResult.fetched(new FetchedPage(original, url, "text/plain", charset(contentType), rules,
                    Instant.now())));
        }
        if (reading == Reading.IMAGE ? isText(mediaType) : !READABLE.contains(mediaType)) {
            return new Done(FetchResult.skipped(FetchOutcome.UNSUPPORTED_TYPE, "content type " + mediaType));
        }
        Optional<byte[]> bytes = BoundedBody.read(decoded(body, headers), settings.maxBodyBytes());
        if (bytes.isEmpty()) {
            return new Done(FetchResult.skipped(FetchOutcome.TOO_LARGE,
                    "larger than " + settings.maxBodyBytes() + " bytes (decoded)"));
        }
        Validators validators = new Validators(headers.firstValue("ETag"), headers.firstValue("Last-Modified"));
        return new Done(FetchResult.fetched(new FetchedPage(original, url, mediaType, charset(contentType), bytes.get(),
                Instant.now(), validators)));
    }

    /** An error page or a login form served where an image was asked for. */
    private static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.endsWith("json") || mediaType.equals("application/xhtml+xml");
    }

    /** Keeps the exchange as it went over the wire; the body is complete only for a page that was read whole. */
    private static void record(FetchSettings settings, HttpRequest request, HttpResponse<InputStream> response,
                               CapturingInputStream raw, Hop hop) {
        boolean fetched = hop instanceof Done done && done.result().outcome() == FetchOutcome.FETCHED;
        boolean bodyless = response.statusCode() == 304 || response.statusCode() == 204;
        settings.recorder().record(new Exchange(request.uri(), Instant.now(), request.headers().map(),
                response.statusCode(), response.headers().map(), raw.copy(), raw.overflowed() || !fetched && !bodyless));
    }

    private static InputStream decoded(InputStream body, HttpHeaders headers) throws IOException {
        String encoding = headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(body);
            case "deflate" -> new InflaterInputStream(body);
            default -> body;
        };
    }

    /** {@code Retry-After} as seconds or as an HTTP date; absent or unreadable means "the crawl's own backoff". */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Duration wait = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private HttpClient client(FetchSettings settings) {
        return clients.computeIfAbsent(settings.connectTimeout(), timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
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
        return FetchResult.retryLater("timed out (" + settings.readTimeout().toMillis() + " ms in all, or "
                + settings.readIdleTimeout().toMillis() + " ms without data)", Optional.empty());
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
