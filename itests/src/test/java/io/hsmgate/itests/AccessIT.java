package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who can reach what: every console page and API route needs the administrator, repeated failed logins are
 * slowed down, and the server answers only on the configured address.
 */
class AccessIT {

    /** Console pages and endpoints that must refuse anonymous requests. */
    static final List<String> PROTECTED = List.of(
            "/system/console", "/system/console/hsm", "/system/console/hsm-private-keys",
            "/system/console/hsm-tls-certificates", "/system/console/hsm-proxy-servers", "/system/console/hsm-status",
            "/system/console/bundles", "/system/console/bundles.json", "/system/console/configMgr",
            "/system/console/components", "/system/console/services", "/system/console/vmstat", "/metrics",
            "/api/v1/hsm-connections", "/api/v1/private-keys", "/api/v1/tls-certificates", "/api/v1/proxy-servers",
            "/api/v1/configuration", "/api/v1/configuration/preview", "/api/v1/audit", "/api/v1/tokens?libraryPath=/usr/lib",
            "/api/v1/no-such-route");

    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start("access");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void everyProtectedRouteRefusesAnonymousAndWrongCredentials() throws Exception {
        for (String path : PROTECTED) {
            assertEquals(401, Http.get(server.url(path), null, null).statusCode(), path + " without credentials");
        }
        HttpResponse<String> health = Http.get(server.url("/api/v1/health"), null, null);
        assertEquals(200, health.statusCode(), "the one anonymous route");
        assertEquals("{\"status\":\"UP\"}", health.body().strip());
        assertEquals(401, Http.get(server.url("/system/console/hsm"), "admin", "admin").statusCode());
        assertEquals(401, Http.get(server.url("/system/console/hsm"), "root", RunningServer.DEFAULT_PASSWORD).statusCode());
        assertEquals(200, Http.get(server.url("/system/console/hsm"), RunningServer.ADMIN, RunningServer.DEFAULT_PASSWORD).statusCode());
        assertEquals(200, Http.get(server.url("/metrics"), RunningServer.ADMIN, RunningServer.DEFAULT_PASSWORD).statusCode());
    }

    @Test
    void repeatedFailedLoginsAreSlowedDownEvenForTheRightPassword() throws Exception {
        // the throttle counts per client address; a success at the end clears it for the other tests
        String url = "http://127.0.0.1:" + server.port() + "/metrics";
        for (int i = 0; i < 6; i++) {
            assertEquals(401, Http.get(url, "admin", "guess " + i).statusCode());
        }
        HttpResponse<String> throttled = Http.get(url, RunningServer.ADMIN, RunningServer.DEFAULT_PASSWORD);
        assertEquals(429, throttled.statusCode(), "locked out after repeated failures");
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        Http.awaitResponse(url, RunningServer.ADMIN, RunningServer.DEFAULT_PASSWORD, java.time.Duration.ofSeconds(20),
                r -> r.statusCode() == 200);
    }

    @Test
    void theServerListensOnlyOnTheConfiguredAddress() throws Exception {
        assertTrue(accepts("127.0.0.1", server.port()));
        assertThrows(ConnectException.class, () -> connect("127.0.0.2", server.port()),
                "bound to 127.0.0.1 only, so another loopback address must be refused");

        try (RunningServer other = RunningServer.prepare("access-host", RunningServer.DEFAULT_PASSWORD)) {
            other.start(Map.of("HSMGATE_HTTP_HOST", "127.0.0.2"));
            Http.awaitResponse("http://127.0.0.2:" + other.port() + "/system/console/hsm", null, null,
                    java.time.Duration.ofSeconds(60), r -> r.statusCode() == 401);
            assertThrows(ConnectException.class, () -> connect("127.0.0.1", other.port()));
        }
    }

    private static boolean accepts(String host, int port) throws IOException {
        connect(host, port);
        return true;
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        }
    }
}
