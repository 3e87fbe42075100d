package io.hsmgate.model.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemRef;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.ConnectionDocument;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.SealedSecret;
import io.hsmgate.model.spi.StoreSnapshot;

/** Create, update and delete of HSM connections in the candidate. */
final class ConnectionEditor {

    private static final ItemType TYPE = ItemType.HSM_CONNECTION;

    private final ConfigurationStore store;
    private final Clock clock;

    ConnectionEditor(ConfigurationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static String pinContext(UUID id) {
        return "pin:" + id;
    }

    List<HsmConnection> list() {
        return store.snapshot().documents(DocumentType.HSM_CONNECTIONS).values().stream()
                .map(ConnectionDocument::connection)
                .sorted(Comparator.comparing(HsmConnection::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    Optional<HsmConnection> get(UUID id) {
        return Optional.ofNullable(store.snapshot().document(DocumentType.HSM_CONNECTIONS, id.toString()))
                .map(ConnectionDocument::connection);
    }

    HsmConnection create(HsmConnectionInput input, Actor actor) throws ConfigurationException {
        return store.transact(tx -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            FieldErrors errors = new FieldErrors();
            HsmConnection connection = ConnectionRules.normalise(input, id, now, now, 1, false, errors);
            errors.throwIfAny();
            checkNameFree(tx.snapshot(), connection);
            SealedSecret pin = connection.authenticate() ? store.secrets().seal(input.pin(), pinContext(id)) : null;
            tx.put(DocumentType.HSM_CONNECTIONS, id.toString(), new ConnectionDocument(connection, pin));
            tx.audit(new AuditEntry(now, actor, AuditEntry.CREATE, TYPE, id, connection.name(), null,
                    audited(connection), null));
            return connection;
        });
    }

    HsmConnection update(UUID id, long basedOnVersion, HsmConnectionInput input, Actor actor)
            throws ConfigurationException {
        return store.transact(tx -> {
            ConnectionDocument existing = require(tx.snapshot(), id);
            HsmConnection before = existing.connection();
            Versions.check(TYPE, before.name(), before.version(), basedOnVersion);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            FieldErrors errors = new FieldErrors();
            HsmConnection connection = ConnectionRules.normalise(input, id, before.createdAt(), now,
                    before.version() + 1, existing.pin() != null, errors);
            errors.throwIfAny();
            checkNameFree(tx.snapshot(), connection);
            SealedSecret pin = !connection.authenticate() ? null
                    : input.pin() != null ? store.secrets().seal(input.pin(), pinContext(id)) : existing.pin();
            tx.put(DocumentType.HSM_CONNECTIONS, id.toString(), new ConnectionDocument(connection, pin));
            tx.audit(new AuditEntry(now, actor, AuditEntry.UPDATE, TYPE, id, connection.name(), audited(before),
                    audited(connection), input.pin() != null ? "pin changed" : null));
            return connection;
        });
    }

    void delete(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        store.transact(tx -> {
            HsmConnection before = require(tx.snapshot(), id).connection();
            Versions.check(TYPE, before.name(), before.version(), basedOnVersion);
            List<ItemRef> referrers = References.referrers(tx.snapshot(), TYPE, id);
            if (!referrers.isEmpty()) {
                throw new ReferencedException(new ItemRef(TYPE, id, before.name()), referrers);
            }
            tx.delete(DocumentType.HSM_CONNECTIONS, id.toString());
            tx.audit(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, AuditEntry.DELETE, TYPE, id,
                    before.name(), audited(before), null, null));
            return null;
        });
    }

    static java.util.Map<String, Object> audited(HsmConnection connection) {
        return Fields.audited(Fields.of(connection), Fields.PIN, connection.pinSet(), connection.version());
    }

    private static ConnectionDocument require(StoreSnapshot snapshot, UUID id) throws NotFoundException {
        ConnectionDocument document = snapshot.document(DocumentType.HSM_CONNECTIONS, id.toString());
        if (document == null) {
            throw new NotFoundException(TYPE, id);
        }
        return document;
    }

    private static void checkNameFree(StoreSnapshot snapshot, HsmConnection connection) throws ConfigurationException {
        Versions.checkNameFree(TYPE, snapshot.documents(DocumentType.HSM_CONNECTIONS), d -> d.connection().id(),
                d -> d.connection().name(), connection.name(), connection.id());
    }
}
