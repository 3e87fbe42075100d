package io.hsmgate.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    private static CsrfTokens at(Instant now) {
        return at(now, KEY);
    }

    private static CsrfTokens at(Instant now, byte[] key) {
        return new CsrfTokens(key, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsValidForItsUserTodayAndTomorrowButNotLater() {
        String token = at(NOON).tokenFor("admin");
        assertTrue(at(NOON).isValid("admin", token));
        assertTrue(at(NOON.plusSeconds(86_400)).isValid("admin", token), "a page loaded yesterday still submits");
        assertFalse(at(NOON.plusSeconds(2 * 86_400)).isValid("admin", token), "two days later it is stale");
        assertFalse(at(NOON.minusSeconds(86_400)).isValid("admin", token), "not valid before it was issued");
    }

    @Test
    void aTokenIsBoundToItsUserAndToTheServerKey() {
        String token = at(NOON).tokenFor("admin");
        assertFalse(at(NOON).isValid("operator", token));
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] = 1;
        assertFalse(at(NOON, other).isValid("admin", token), "another key (a restarted bundle) refuses it");
        assertNotEquals(token, at(NOON, other).tokenFor("admin"));
    }

    @Test
    void missingOrAlteredTokensAreRefused() {
        CsrfTokens tokens = at(NOON);
        String token = tokens.tokenFor("admin");
        assertFalse(tokens.isValid("admin", null));
        assertFalse(tokens.isValid("admin", ""));
        assertFalse(tokens.isValid(null, token));
        char[] altered = token.toCharArray();
        altered[3] = altered[3] == 'A' ? 'B' : 'A';
        assertFalse(tokens.isValid("admin", new String(altered)));
        assertEquals(43, token.length(), "256-bit HMAC, base64url without padding");
    }

    @Test
    void theRandomKeyDiffersPerInstance() {
        assertNotEquals(new CsrfTokens().tokenFor("admin"), new CsrfTokens().tokenFor("admin"));
    }
}
