package org.postbinder.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user of {@code serve}'s JSON API over real HTTP, with HTTP Basic credentials. */
public final class ServeApi {

    private final int port;
    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public ServeApi(int port, String user, String password) {
        this.port = port;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public int port() {
        return port;
    }

    /** A port nobody listens on right now, for a server to bind. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Polls a JSON resource until it satisfies the condition; fails after the patience runs out. */
    public JsonNode await(String path, Predicate<JsonNode> condition, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(path);
            if (response.statusCode() == 200) {
                last = json.readTree(response.body());
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("GET " + path + " did not get there in " + patience + "; last: " + last);
    }

    /** Waits until the server's health check says UP; fails at once if the server's process ends. */
    public void awaitUp(Duration patience, Process server) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("serve ended with exit code " + server.exitValue());
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("serve did not come up in " + patience);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization).timeout(Duration.ofSeconds(30));
    }
}
