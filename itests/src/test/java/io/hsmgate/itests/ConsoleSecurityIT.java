package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's defences over plain HTTP, without a browser: a state-changing POST without the page's CSRF token,
 * with a forged one or from another origin is refused with 403 and changes nothing; a value holding HTML comes
 * back escaped.
 */
class ConsoleSecurityIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String HSM_PAGE = "/system/console/hsm";

    private static RunningServer server;
    private static String library;

    @BeforeAll
    static void start() throws Exception {
        library = SoftHsmFixture.shared().library().toString();
        server = RunningServer.start("console-security");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void postWithoutAValidTokenOrFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
        String token = csrfToken();
        Map<String, String> form = connection("csrf-victim", "harmless");

        HttpResponse<String> noToken = post(form, Map.of());
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("security token"), noToken.body());

        form.put("hsmgate-csrf", token.substring(1) + "A");
        assertEquals(403, post(form, Map.of()).statusCode(), "a forged token");

        form.put("hsmgate-csrf", token);
        HttpResponse<String> foreign = post(form, Map.of("Origin", "http://attacker.example"));
        assertEquals(403, foreign.statusCode(), "another origin, even with a valid token");
        assertTrue(foreign.body().contains("another origin"), foreign.body());

        HttpResponse<String> list = Http.get(server.url(HSM_PAGE), RunningServer.ADMIN, server.password());
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains("csrf-victim"), "nothing was created");
    }

    @Test
    void htmlInAValueIsEscapedOnEveryView() throws Exception {
        String script = "<script>alert(1)</script>";
        Map<String, String> form = connection("escaping-check", script);
        form.put("hsmgate-csrf", csrfToken());
        HttpResponse<String> created = post(form, Map.of());
        assertEquals(302, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        Matcher id = Pattern.compile("id=([0-9a-f-]{36})").matcher(location);
        assertTrue(id.find(), location);

        for (String page : new String[] {HSM_PAGE, HSM_PAGE + "?id=" + id.group(1), HSM_PAGE + "?edit=" + id.group(1)}) {
            String body = Http.get(server.url(page), RunningServer.ADMIN, server.password()).body();
            assertTrue(body.contains("escaping-check"), page);
            assertFalse(body.contains(script), page + " carries the raw script");
            assertTrue(body.contains("&lt;script") && body.contains("alert(1)"), page + " shows it escaped");
        }
    }

    /** A complete, valid connection form (no login, so no PIN travels in this test). */
    private static Map<String, String> connection(String name, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", "save");
        form.put("name", name);
        form.put("description", description);
        form.put("libraryPath", library);
        form.put("tokenLabel", SoftHsmFixture.TOKEN_A);
        form.put("maxSessions", "4");
        form.put("connectionTimeoutSeconds", "30");
        return form;
    }

    private static String csrfToken() throws Exception {
        String page = Http.get(server.url(HSM_PAGE + "?add"), RunningServer.ADMIN, server.password()).body();
        Matcher m = Pattern.compile("name=\"hsmgate-csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the add form carries a CSRF token");
        return m.group(1);
    }

    private static HttpResponse<String> post(Map<String, String> form, Map<String, String> headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((RunningServer.ADMIN + ":" + server.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(HSM_PAGE))).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
