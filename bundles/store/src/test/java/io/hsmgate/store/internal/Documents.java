package io.hsmgate.store.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.UserType;
import io.hsmgate.model.spi.ConnectionDocument;
import io.hsmgate.model.spi.SealedSecret;

/** Small documents for store tests. */
final class Documents {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    private Documents() {
    }

    static ConnectionDocument connection(UUID id, String description, SealedSecret pin) {
        return new ConnectionDocument(new HsmConnection(id, "c-" + id, description, "/usr/lib/libsofthsm2.so", null,
                "token", null, true, UserType.USER, pin != null, 1024, 30, null, T0, T0, 1), pin);
    }

    static AuditEntry audit(String detail) {
        return new AuditEntry(T0, Actor.of("test"), "test", ItemType.HSM_CONNECTION, null, null, null,
                Map.of("detail", detail), detail);
    }
}
