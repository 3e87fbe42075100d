package io.hsmgate.console.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Tokens that prove a console POST came from a page this server rendered. The console authenticates with HTTP
 * Basic, so there is no server session to keep a token in; instead a token is HMAC-SHA256(key, user + day) under
 * a random key that lives only in memory. Another site cannot compute it, a token stops working after a day
 * (yesterday's is still accepted, so a page loaded just before midnight can be submitted) and a restart of the
 * bundle invalidates every token: the operator reloads the page.
 */
@Component(service = CsrfTokens.class)
public final class CsrfTokens {

    /** The name of the hidden form field carrying the token. */
    static final String FIELD = "hsmgate-csrf";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    @Activate
    public CsrfTokens() {
        this(randomKey(), Clock.systemUTC());
    }

    CsrfTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** @return the token forms rendered now for {@code user} carry */
    String tokenFor(String user) {
        return token(user, today());
    }

    /** @return whether {@code token} was issued for {@code user} today or yesterday */
    boolean isValid(String user, String token) {
        if (user == null || token == null || token.isEmpty()) {
            return false;
        }
        byte[] given = token.getBytes(StandardCharsets.US_ASCII);
        LocalDate today = today();
        return MessageDigest.isEqual(given, token(user, today).getBytes(StandardCharsets.US_ASCII))
                | MessageDigest.isEqual(given, token(user, today.minusDays(1)).getBytes(StandardCharsets.US_ASCII));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String token(String user, LocalDate day) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] tag = mac.doFinal((user + "\n" + day).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
