package io.hsmgate.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hsmgate.model.DesiredState;
import io.hsmgate.pkcs11.PoolCounters;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.ConnectionState;
import java.time.Instant;
import java.util.UUID;

/**
 * GET /hsm-connections/{id}/status: the runtime's view of one connection, with Optionals flattened to
 * absent properties. A saved connection that was never pushed has {@code pushed} false and state STOPPED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConnectionStatusView(
        UUID id,
        String name,
        boolean pushed,
        ConnectionState state,
        String reason,
        Instant since,
        Instant nextRetry,
        DesiredState desiredState,
        boolean restartPending,
        String vendor,
        String vendorVersion,
        PoolCounters pool,
        Metrics metrics) {

    /** Sign calls through the runtime since the connection started. */
    record Metrics(long signatures, long signErrors) {
    }

    static ConnectionStatusView of(ConnectionOverview overview) {
        return new ConnectionStatusView(overview.id(), overview.name(), true, overview.status().state(),
                overview.status().reason(), overview.status().since(), overview.status().nextRetry().orElse(null),
                overview.desiredStarted() ? DesiredState.STARTED : DesiredState.STOPPED, overview.restartPending(),
                overview.vendor().orElse(null), overview.vendorVersion().orElse(null), overview.pool().orElse(null),
                new Metrics(overview.signatures(), overview.signErrors()));
    }

    static ConnectionStatusView notPushed(UUID id, String name, DesiredState desired) {
        return new ConnectionStatusView(id, name, false, ConnectionState.STOPPED,
                "not in the running configuration yet: push the configuration to run it", null, null, desired, false,
                null, null, null, new Metrics(0, 0));
    }
}
