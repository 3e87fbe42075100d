package io.hsmgate.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginCheckTest {

    private static final String HOST = "127.0.0.1:8080";

    @Test
    void sameOriginAndRequestsWithoutEitherHeaderPass() {
        assertEquals(Optional.empty(), OriginCheck.problem("http://127.0.0.1:8080", null, "http", HOST));
        assertEquals(Optional.empty(), OriginCheck.problem(null, "http://127.0.0.1:8080/system/console/hsm?add", "http", HOST));
        assertEquals(Optional.empty(), OriginCheck.problem(null, null, "http", HOST), "non-browser clients rely on the token");
    }

    @Test
    void anotherOriginIsRefused() {
        assertTrue(OriginCheck.problem("http://attacker.example", null, "http", HOST).isPresent());
        assertTrue(OriginCheck.problem("http://127.0.0.1:8081", null, "http", HOST).isPresent(), "another port");
        assertTrue(OriginCheck.problem("https://127.0.0.1:8080", null, "http", HOST).isPresent(), "another scheme");
        assertTrue(OriginCheck.problem("null", null, "http", HOST).isPresent(), "an opaque origin");
        assertTrue(OriginCheck.problem(null, "http://attacker.example/form.html", "http", HOST).isPresent());
        assertTrue(OriginCheck.problem(null, "not a url", "http", HOST).isPresent());
        assertTrue(OriginCheck.problem("http://127.0.0.1:8080", null, "http", null).isPresent(), "no Host header");
    }

    @Test
    void theOriginTakesPrecedenceOverTheReferer() {
        assertTrue(OriginCheck.problem("http://attacker.example", "http://127.0.0.1:8080/x", "http", HOST).isPresent());
    }
}
