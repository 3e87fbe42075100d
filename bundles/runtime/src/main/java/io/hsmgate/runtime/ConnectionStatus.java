package io.hsmgate.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection's state with the reason it is in it, since when, and when the next retry is planned.
 *
 * @param state the state
 * @param reason why, in words an operator can act on (never a PIN)
 * @param since when the state was entered
 * @param nextRetry when a retry is planned, if one is
 */
public record ConnectionStatus(ConnectionState state, String reason, Instant since, Optional<Instant> nextRetry) {

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(since, "since");
        nextRetry = nextRetry == null ? Optional.empty() : nextRetry;
    }

    /** @return the status of a connection entering {@code state} now, for {@code reason}, with no retry planned */
    public static ConnectionStatus of(ConnectionState state, String reason, Instant now) {
        return new ConnectionStatus(state, reason, now, Optional.empty());
    }

    /** @return this status with a retry planned at {@code when} */
    public ConnectionStatus retryingAt(Instant when) {
        return new ConnectionStatus(state, reason, since, Optional.of(when));
    }
}
