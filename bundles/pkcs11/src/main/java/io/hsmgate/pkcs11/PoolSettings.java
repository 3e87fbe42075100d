package io.hsmgate.pkcs11;

import java.time.Duration;
import java.util.Objects;

/**
 * Session pool settings of a connection.
 *
 * @param maxSessions most sessions open at once (the pool uses fewer when the token allows fewer)
 * @param borrowTimeout how long a borrower waits for a free session; {@link Duration#ZERO} = until interrupted
 * @param idleCheckAfter a session idle longer than this is checked with C_GetSessionInfo before it is lent
 * @param closeTimeout how long {@code close()} waits for loans to come back before closing every session
 */
public record PoolSettings(int maxSessions, Duration borrowTimeout, Duration idleCheckAfter, Duration closeTimeout) {

    public PoolSettings {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, got " + maxSessions);
        }
        Objects.requireNonNull(borrowTimeout, "borrowTimeout");
        Objects.requireNonNull(idleCheckAfter, "idleCheckAfter");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (borrowTimeout.isNegative() || idleCheckAfter.isNegative() || closeTimeout.isNegative()) {
            throw new IllegalArgumentException("pool durations must not be negative");
        }
    }

    /** @return {@code maxSessions} sessions, a borrow timeout, a 60 s idle check and a 10 s close timeout */
    public static PoolSettings of(int maxSessions, Duration borrowTimeout) {
        return new PoolSettings(maxSessions, borrowTimeout, Duration.ofSeconds(60), Duration.ofSeconds(10));
    }
}
