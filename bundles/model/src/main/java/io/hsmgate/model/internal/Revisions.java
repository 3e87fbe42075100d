package io.hsmgate.model.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ChangeKind;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.DesiredState;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.Preview;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.ValidationException;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.ConnectionDocument;
import io.hsmgate.model.spi.DesiredStateDocument;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.PrivateKeyDocument;
import io.hsmgate.model.spi.RunningDocument;
import io.hsmgate.model.spi.StoreSnapshot;
import io.hsmgate.model.spi.TlsCertificateDocument;

/** The candidate/running life cycle: preview, push, the running revision and desired states. */
final class Revisions {

    /** What a push did: the revision, and whether it is new (false when there was nothing to push). */
    record PushResult(RunningRevision revision, boolean pushed) {
    }

    private static final RunningDocument NOTHING_PUSHED =
            new RunningDocument(0, null, null, List.of(), List.of(), List.of(), List.of());

    private final ConfigurationStore store;
    private final Clock clock;

    Revisions(ConfigurationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Preview preview() throws StorageException {
        return preview(store.snapshot());
    }

    PushResult push(Actor actor) throws ConfigurationException {
        return store.transact(tx -> {
            StoreSnapshot candidate = tx.snapshot();
            List<FieldError> problems = References.problems(candidate);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            RunningDocument current = runningDocument(candidate);
            Preview preview = preview(candidate);
            if (!preview.hasChanges()) {
                return new PushResult(toRevision(current), false);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            RunningDocument next = new RunningDocument(current.revision() + 1, now, actor,
                    sorted(candidate.documents(DocumentType.HSM_CONNECTIONS).values(), d -> d.connection().name()),
                    sorted(candidate.documents(DocumentType.PRIVATE_KEYS).values(), d -> d.key().name()),
                    sorted(candidate.documents(DocumentType.TLS_CERTIFICATES).values(), d -> d.certificate().name()),
                    sorted(candidate.documents(DocumentType.PROXY_SERVERS).values(), ProxyServer::name));
            tx.put(DocumentType.RUNNING, DocumentType.RUNNING_ID, next);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("revision", next.revision());
            for (ChangeKind kind : ChangeKind.values()) {
                after.put(kind.name().toLowerCase(java.util.Locale.ROOT),
                        preview.changes().stream().filter(c -> c.change() == kind).count());
            }
            after.put("affectedConnections", preview.affectedConnections().size());
            tx.audit(new AuditEntry(now, actor, AuditEntry.PUSH, null, null, null,
                    Map.of("revision", current.revision()), after, "revision " + next.revision()));
            return new PushResult(toRevision(next), true);
        });
    }

    RunningRevision running() {
        return toRevision(runningDocument(store.snapshot()));
    }

    char[] runningPin(UUID connectionId) throws ConfigurationException {
        for (ConnectionDocument document : runningDocument(store.snapshot()).connections()) {
            if (document.connection().id().equals(connectionId) && document.pin() != null) {
                return store.secrets().open(document.pin(), ConnectionEditor.pinContext(connectionId));
            }
        }
        throw new NotFoundException(ItemType.HSM_CONNECTION, connectionId);
    }

    char[] candidatePin(UUID connectionId) throws ConfigurationException {
        ConnectionDocument document = store.snapshot().document(DocumentType.HSM_CONNECTIONS, connectionId.toString());
        if (document == null || document.pin() == null) {
            throw new NotFoundException(ItemType.HSM_CONNECTION, connectionId);
        }
        return store.secrets().open(document.pin(), ConnectionEditor.pinContext(connectionId));
    }

    char[] runningPrivateKeyPem(ItemType type, UUID id) throws ConfigurationException {
        RunningDocument running = runningDocument(store.snapshot());
        if (type == ItemType.PRIVATE_KEY) {
            for (PrivateKeyDocument document : running.privateKeys()) {
                if (document.key().id().equals(id) && document.privateKeyPem() != null) {
                    return store.secrets().open(document.privateKeyPem(), PrivateKeyEditor.keyContext(id));
                }
            }
        } else if (type == ItemType.TLS_CERTIFICATE) {
            for (TlsCertificateDocument document : running.tlsCertificates()) {
                if (document.certificate().id().equals(id) && document.privateKeyPem() != null) {
                    return store.secrets().open(document.privateKeyPem(), TlsCertificateEditor.keyContext(id));
                }
            }
        }
        throw new NotFoundException(type, id);
    }

    DesiredState desiredState(UUID connectionId) {
        DesiredStateDocument document = store.snapshot().document(DocumentType.DESIRED_STATES, connectionId.toString());
        return document == null ? DesiredState.STARTED : document.state();
    }

    /** @return whether the state changed */
    boolean setDesiredState(UUID connectionId, DesiredState state, Actor actor) throws ConfigurationException {
        return store.transact(tx -> {
            StoreSnapshot snapshot = tx.snapshot();
            String name = connectionName(snapshot, connectionId);
            DesiredStateDocument existing = snapshot.document(DocumentType.DESIRED_STATES, connectionId.toString());
            DesiredState before = existing == null ? DesiredState.STARTED : existing.state();
            if (before == state && existing != null) {
                return false;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            tx.put(DocumentType.DESIRED_STATES, connectionId.toString(),
                    new DesiredStateDocument(connectionId, state, now, actor));
            tx.audit(new AuditEntry(now, actor, AuditEntry.SET_DESIRED_STATE, ItemType.HSM_CONNECTION, connectionId,
                    name, Map.of("desiredState", before.name()), Map.of("desiredState", state.name()), null));
            return before != state;
        });
    }

    private static String connectionName(StoreSnapshot snapshot, UUID connectionId) throws NotFoundException {
        ConnectionDocument candidate = snapshot.document(DocumentType.HSM_CONNECTIONS, connectionId.toString());
        if (candidate != null) {
            return candidate.connection().name();
        }
        return runningDocument(snapshot).connections().stream()
                .filter(d -> d.connection().id().equals(connectionId)).findFirst()
                .map(d -> d.connection().name())
                .orElseThrow(() -> new NotFoundException(ItemType.HSM_CONNECTION, connectionId));
    }

    private Preview preview(StoreSnapshot snapshot) throws StorageException {
        RunningDocument running = runningDocument(snapshot);
        List<CandidateDiff.Entry> candidate = CandidateDiff.entries(
                snapshot.documents(DocumentType.HSM_CONNECTIONS).values(),
                snapshot.documents(DocumentType.PRIVATE_KEYS).values(),
                snapshot.documents(DocumentType.TLS_CERTIFICATES).values(),
                snapshot.documents(DocumentType.PROXY_SERVERS).values());
        List<CandidateDiff.Entry> pushed = CandidateDiff.entries(running.connections(), running.privateKeys(),
                running.tlsCertificates(), running.proxyServers());
        return CandidateDiff.diff(running.revision(), candidate, pushed, store.secrets());
    }

    private static RunningDocument runningDocument(StoreSnapshot snapshot) {
        RunningDocument running = snapshot.document(DocumentType.RUNNING, DocumentType.RUNNING_ID);
        return running == null ? NOTHING_PUSHED : running;
    }

    private static RunningRevision toRevision(RunningDocument document) {
        return new RunningRevision(document.revision(), document.pushedAt(), document.pushedBy(),
                document.connections().stream().map(ConnectionDocument::connection).toList(),
                document.privateKeys().stream().map(PrivateKeyDocument::key).toList(),
                document.tlsCertificates().stream().map(TlsCertificateDocument::certificate).toList(),
                document.proxyServers());
    }

    private static <T> List<T> sorted(java.util.Collection<T> documents, java.util.function.Function<T, String> name) {
        return documents.stream().sorted(Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
