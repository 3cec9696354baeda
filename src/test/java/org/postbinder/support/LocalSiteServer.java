package org.postbinder.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A small web site for tests: the JDK's {@link HttpServer} on 127.0.0.1 and an ephemeral port.
 * Routes match the request path exactly (the query is ignored) and may be added or replaced at any
 * time, also while the server runs; an unknown path answers 404. Every request is counted per path.
 * Thread-safe.
 *
 * <pre>{@code
 * try (LocalSiteServer site = new LocalSiteServer().start()) {
 *     site.serve("/post.html", 200, "text/html; charset=utf-8", "<p>Hi</p>")
 *         .redirect("/old", 301, "/post.html");
 *     fetcher.fetch(site.url("/old"), settings);
 *     assertThat(site.hits("/post.html")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class LocalSiteServer implements AutoCloseable {

    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "local-site-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> prefixRoutes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Visit> visits = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One request, from its arrival to the end of its answer (System.nanoTime). */
    public record Visit(String path, long startNanos, long endNanos) {}

    public LocalSiteServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    public LocalSiteServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The absolute URL of a path on this server, e.g. {@code url("/blog/")}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** How many requests reached this path so far, whatever they were answered. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** How many requests reached the server so far. */
    public int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many requests reached paths starting with this prefix. */
    public long hitsMatching(String prefix) {
        return hits.entrySet().stream().filter(hit -> hit.getKey().startsWith(prefix))
                .mapToLong(hit -> hit.getValue().get()).sum();
    }

    /** Every request so far, with when it arrived and when its answer was sent. */
    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    /**
     * The most requests that were being answered at once. Each visit's last {@code slack} is not
     * counted: a client may send its next request a moment before the server has closed the answer
     * it already read in full, which is not two requests at once.
     */
    public static int mostAtOnce(List<Visit> visits, Duration slack) {
        List<long[]> events = new java.util.ArrayList<>();
        for (Visit visit : visits) {
            long end = visit.endNanos() - slack.toNanos();
            if (end > visit.startNanos()) {
                events.add(new long[] {visit.startNanos(), 1});
                events.add(new long[] {end, -1});
            }
        }
        // at equal times, ends before starts
        events.sort(java.util.Comparator.<long[]>comparingLong(event -> event[0]).thenComparingLong(event -> event[1]));
        int now = 0;
        int most = 0;
        for (long[] event : events) {
            now += (int) event[1];
            most = Math.max(most, now);
        }
        return most;
    }

    /** Answers requests for {@code path} with {@code handler}; replaces an earlier route. */
    public LocalSiteServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers every path under {@code prefix} (a whole generated site) unless an exact route matches. */
    public LocalSiteServer routeAll(String prefix, HttpHandler handler) {
        prefixRoutes.put(prefix, handler);
        return this;
    }

    /** A fixed body with a status and a Content-Type. */
    public LocalSiteServer serve(String path, int status, String contentType, String body) {
        return serve(path, status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A fixed body with a status, a Content-Type (none when null) and extra response headers. */
    public LocalSiteServer serve(String path, int status, String contentType, byte[] body, Map<String, String> headers) {
        return route(path, exchange -> {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            headers.forEach(exchange.getResponseHeaders()::set);
            send(exchange, status, body);
        });
    }

    /** A file from {@code src/test/resources}, e.g. {@code serveFile("/", "fixtures/crawl/listing.html", "text/html")}. */
    public LocalSiteServer serveFile(String path, String resource, String contentType) {
        byte[] body;
        try {
            body = Files.readAllBytes(Pages.testResource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serve(path, 200, contentType, body, Map.of());
    }

    /** A redirect (301, 302, 307, ...) to {@code location}, which may be relative or absolute. */
    public LocalSiteServer redirect(String path, int status, String location) {
        return serve(path, status, null, new byte[0], Map.of("Location", location));
    }

    /** Waits {@code delayMillis} before it sends anything, then answers like {@link #serve}. */
    public LocalSiteServer slow(String path, long delayMillis, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return route(path, exchange -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            send(exchange, 200, bytes);
        });
    }

    /**
     * A 200 whose chunked body never ends: it streams until the client hangs up or the server
     * closes. For size limits that must hold while the body streams in.
     */
    public LocalSiteServer endless(String path, String contentType) {
        byte[] chunk = "<p>and on and on</p>\n".repeat(3000).getBytes(StandardCharsets.UTF_8);
        return route(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(chunk);
                }
            }
        });
    }

    /** Sends the status and the whole body; use it from {@link #route} handlers too. */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
        HttpHandler handler = routes.get(path);
        if (handler == null) {
            handler = prefixRoutes.entrySet().stream()
                    .filter(route -> path.startsWith(route.getKey()))
                    .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
                    .map(Map.Entry::getValue)
                    .orElse(null);
        }
        long start = System.nanoTime();
        try (exchange) {
            if (handler == null) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                send(exchange, 404, ("no route for " + path).getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(exchange);
            }
        } finally {
            visits.add(new Visit(path, start, System.nanoTime()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
