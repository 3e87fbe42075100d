package io.hsmgate.proxy;

/**
 * A listener's address and counters since the proxy bundle started (they survive restarts of the listener).
 *
 * @param address host:port it is configured for
 * @param listening whether it accepts connections now
 * @param accepted connections accepted
 * @param refused connections closed at once because the connection limit was reached
 * @param handshakes handshakes completed (TLS) or sessions authenticated (SSH)
 * @param failedHandshakes handshakes that failed for any reason, HSM unavailability included
 * @param hsmUnavailable handshakes that failed because the HSM key could not be used
 * @param lastFailure the last handshake failure's reason, or null
 */
public record ListenerStatus(String address, boolean listening, long accepted, long refused, long handshakes,
        long failedHandshakes, long hsmUnavailable, String lastFailure) {
}
