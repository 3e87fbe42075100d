package io.hsmgate.model.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.hsmgate.model.AffectedConnection;
import io.hsmgate.model.ChangeKind;
import io.hsmgate.model.FieldChange;
import io.hsmgate.model.ItemChange;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.Preview;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.spi.ConnectionDocument;
import io.hsmgate.model.spi.PrivateKeyDocument;
import io.hsmgate.model.spi.SealedSecret;
import io.hsmgate.model.spi.SecretBox;
import io.hsmgate.model.spi.TlsCertificateDocument;

/** Compares the candidate with the running revision, field by field; secrets only as "changed". */
final class CandidateDiff {

    /** Fields whose change does not make a running connection restart. */
    private static final Set<String> COSMETIC_CONNECTION_FIELDS = Set.of("description");

    private CandidateDiff() {
    }

    /** One item in comparable form; {@code document} is the stored record, compared first as a shortcut. */
    record Entry(ItemType type, UUID id, String name, Map<String, Object> fields, String secretField,
            SealedSecret secret, String secretContext, Object document) {
    }

    static List<Entry> entries(Iterable<ConnectionDocument> connections, Iterable<PrivateKeyDocument> keys,
            Iterable<TlsCertificateDocument> certificates, Iterable<ProxyServer> proxies) {
        List<Entry> entries = new ArrayList<>();
        for (ConnectionDocument d : connections) {
            entries.add(new Entry(ItemType.HSM_CONNECTION, d.connection().id(), d.connection().name(),
                    Fields.of(d.connection()), Fields.PIN, d.pin(), ConnectionEditor.pinContext(d.connection().id()), d));
        }
        for (PrivateKeyDocument d : keys) {
            entries.add(new Entry(ItemType.PRIVATE_KEY, d.key().id(), d.key().name(), Fields.of(d.key()),
                    Fields.PRIVATE_KEY_PEM, d.privateKeyPem(), PrivateKeyEditor.keyContext(d.key().id()), d));
        }
        for (TlsCertificateDocument d : certificates) {
            entries.add(new Entry(ItemType.TLS_CERTIFICATE, d.certificate().id(), d.certificate().name(),
                    Fields.of(d.certificate()), Fields.PRIVATE_KEY_PEM, d.privateKeyPem(),
                    TlsCertificateEditor.keyContext(d.certificate().id()), d));
        }
        for (ProxyServer p : proxies) {
            entries.add(new Entry(ItemType.PROXY_SERVER, p.id(), p.name(), Fields.of(p), null, null, null, p));
        }
        return entries;
    }

    static Preview diff(long runningRevision, List<Entry> candidate, List<Entry> running, SecretBox secrets)
            throws StorageException {
        Map<UUID, Entry> runningById = new HashMap<>();
        for (Entry entry : running) {
            runningById.put(entry.id(), entry);
        }
        List<ItemChange> changes = new ArrayList<>();
        List<AffectedConnection> affected = new ArrayList<>();
        for (Entry now : candidate) {
            Entry before = runningById.remove(now.id());
            if (before == null) {
                changes.add(new ItemChange(now.type(), now.id(), now.name(), ChangeKind.ADDED, List.of()));
                continue;
            }
            if (before.document().equals(now.document())) {
                continue;
            }
            List<FieldChange> fields = changedFields(before, now, secrets);
            if (fields.isEmpty()) {
                continue;
            }
            changes.add(new ItemChange(now.type(), now.id(), now.name(), ChangeKind.MODIFIED, fields));
            if (now.type() == ItemType.HSM_CONNECTION) {
                List<String> names = fields.stream().map(FieldChange::field)
                        .filter(f -> !COSMETIC_CONNECTION_FIELDS.contains(f)).toList();
                if (!names.isEmpty()) {
                    affected.add(new AffectedConnection(now.id(), now.name(), ChangeKind.MODIFIED, names));
                }
            }
        }
        for (Entry gone : runningById.values()) {
            changes.add(new ItemChange(gone.type(), gone.id(), gone.name(), ChangeKind.REMOVED, List.of()));
            if (gone.type() == ItemType.HSM_CONNECTION) {
                affected.add(new AffectedConnection(gone.id(), gone.name(), ChangeKind.REMOVED, List.of()));
            }
        }
        changes.sort(Comparator.comparing(ItemChange::type).thenComparing(ItemChange::name,
                String.CASE_INSENSITIVE_ORDER));
        affected.sort(Comparator.comparing(AffectedConnection::name, String.CASE_INSENSITIVE_ORDER));
        return new Preview(runningRevision, changes, affected);
    }

    private static List<FieldChange> changedFields(Entry before, Entry now, SecretBox secrets)
            throws StorageException {
        List<FieldChange> fields = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(before.fields().keySet());
        names.addAll(now.fields().keySet());
        for (String name : names) {
            Object old = before.fields().get(name);
            Object current = now.fields().get(name);
            if (!Objects.equals(old, current)) {
                fields.add(new FieldChange(name, text(old), text(current), false));
            }
        }
        if (now.secretField() != null && secretChanged(before, now, secrets)) {
            fields.add(FieldChange.secret(now.secretField()));
        }
        return fields;
    }

    /** Sealing is randomised, so equal plaintexts can have different sealed forms: open both to compare. */
    private static boolean secretChanged(Entry before, Entry now, SecretBox secrets) throws StorageException {
        if (before.secret() == null || now.secret() == null) {
            return before.secret() != now.secret();
        }
        if (before.secret().equals(now.secret())) {
            return false;
        }
        char[] old = secrets.open(before.secret(), before.secretContext());
        char[] current = secrets.open(now.secret(), now.secretContext());
        try {
            return !Arrays.equals(old, current);
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(current, '\0');
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
