package io.hsmgate.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * A JSON client of the hsmgate REST API for the integration tests. It keeps every response body it saw, so a
 * test can check afterwards that no secret was ever returned.
 */
final class RestClient {

    /** One answer: status, headers and body, parsed as JSON when it is JSON. */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;
    private final List<String> bodies = new ArrayList<>();

    RestClient(String base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return sendJson("POST", path, body);
    }

    Answer put(String path, Object body) throws IOException, InterruptedException {
        return sendJson("PUT", path, body);
    }

    /** Sends {@code bytes} as they are, with the given Content-Type (none when null). */
    Answer raw(String method, String path, String contentType, byte[] bytes) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Sends {@code bytes} chunked, without a Content-Length, as a client that does not announce the size. */
    Answer chunked(String method, String path, byte[] bytes) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    /**
     * Announces a body of {@code length} bytes and sends none of it, over a plain socket: the server must refuse
     * from the header alone. (java.net.http cannot do this: with expectContinue, JDK 17 waits forever for a
     * 100 that a refusing server never sends, JDK-8286171.)
     *
     * @return the status line and the rest of the answer
     */
    String announceOnly(String method, String path, long length) throws IOException {
        URI uri = URI.create(base + path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            String head = method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + authorization + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (bodies) {
                bodies.add(answer);
            }
            return answer;
        }
    }

    /** Polls GET {@code path} until {@code done} holds, failing after {@code deadline}. */
    Answer await(String path, Duration deadline, Predicate<Answer> done) throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        Answer last = get(path);
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up on " + path + " after " + deadline + "; last: " + last.body());
            }
            Thread.sleep(100); // poll interval; the loop checks the condition against a deadline
            last = get(path);
        }
        return last;
    }

    List<String> bodies() {
        return bodies;
    }

    private Answer sendJson(String method, String path, Object body) throws IOException, InterruptedException {
        byte[] json = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        return raw(method, path, "application/json", json);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        synchronized (bodies) {
            bodies.add(response.body());
        }
        JsonNode json = null;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/json") && !response.body().isEmpty()) {
            json = JSON.readTree(response.body());
        }
        return new Answer(response.statusCode(), response, json);
    }
}
