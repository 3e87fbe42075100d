package io.hsmgate.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** Small HTTP helpers for the integration tests: Basic auth and polling with a deadline. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(String url, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code url} until a response satisfies {@code done}, or fails after {@code deadline}. */
    static HttpResponse<String> awaitResponse(String url, String user, String password, Duration deadline,
            Predicate<HttpResponse<String>> done) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        String last = "no response";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> response = get(url, user, password);
                if (done.test(response)) {
                    return response;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100); // poll interval, not a wait for a condition: the loop checks the condition
        }
        throw new AssertionError("gave up on " + url + " after " + deadline + "; last: " + last);
    }
}
