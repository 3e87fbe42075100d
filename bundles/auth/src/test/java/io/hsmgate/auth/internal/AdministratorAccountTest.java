package io.hsmgate.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.auth.AuthenticationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdministratorAccountTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock();
    private AdministratorAccount account;

    @BeforeEach
    void setUp() throws Exception {
        AdminCredentials credentials = AdminCredentials.establish(data, Optional.of("s3cret pw".toCharArray()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new SecureRandom());
        account = new AdministratorAccount(credentials, new LoginThrottle(clock));
    }

    @Test
    void acceptsTheAdministratorAndRefusesEverythingElse() {
        assertEquals("admin", account.authenticate(basic("admin", "s3cret pw"), "c").user());
        assertFalse(account.authenticate(basic("admin", "admin"), "c").isAuthenticated());
        assertFalse(account.authenticate(null, "c").isAuthenticated());
        assertFalse(account.authenticate("Bearer abc", "c").isAuthenticated());
        assertFalse(account.authenticate("Basic !!!notbase64", "c").isAuthenticated());
        assertFalse(account.authenticate("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':'}), "c")
                .isAuthenticated(), "invalid UTF-8 is refused, not an error");
    }

    @Test
    void repeatedFailuresLockTheClientOutWithGrowingDelaysAndOnlyThatClient() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertFalse(account.authenticate(basic("admin", "guess" + i), "attacker").isThrottled());
        }
        assertFalse(account.authenticate(basic("admin", "guess"), "attacker").isThrottled(), "the 6th failure is counted");
        AuthenticationResult locked = account.authenticate(basic("admin", "s3cret pw"), "attacker");
        assertTrue(locked.isThrottled(), "even the right password waits out the lockout");
        assertEquals(Duration.ofSeconds(1), locked.retryAfter());

        assertTrue(account.authenticate(basic("admin", "s3cret pw"), "someone-else").isAuthenticated());

        clock.advance(Duration.ofSeconds(2));
        assertFalse(account.authenticate(basic("admin", "guess"), "attacker").isAuthenticated());
        assertEquals(Duration.ofSeconds(2), account.authenticate(basic("admin", "x"), "attacker").retryAfter());

        clock.advance(Duration.ofSeconds(3));
        assertTrue(account.authenticate(basic("admin", "s3cret pw"), "attacker").isAuthenticated());
        assertTrue(account.authenticate(basic("admin", "wrong"), "attacker").retryAfter().isZero(), "success resets the count");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
