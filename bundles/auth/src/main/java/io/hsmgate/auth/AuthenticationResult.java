package io.hsmgate.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of an authentication attempt.
 *
 * @param user the authenticated user, or null
 * @param retryAfter when the client is throttled, how long until it may try again; zero otherwise
 */
public record AuthenticationResult(String user, Duration retryAfter) {

    public AuthenticationResult {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static AuthenticationResult authenticated(String user) {
        return new AuthenticationResult(Objects.requireNonNull(user, "user"), Duration.ZERO);
    }

    public static AuthenticationResult refused() {
        return new AuthenticationResult(null, Duration.ZERO);
    }

    public static AuthenticationResult throttled(Duration retryAfter) {
        return new AuthenticationResult(null, retryAfter);
    }

    public boolean isAuthenticated() {
        return user != null;
    }

    public boolean isThrottled() {
        return user == null && !retryAfter.isZero();
    }
}
