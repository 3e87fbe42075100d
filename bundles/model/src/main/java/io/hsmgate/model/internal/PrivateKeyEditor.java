package io.hsmgate.model.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ItemRef;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.PrivateKeyDocument;
import io.hsmgate.model.spi.SealedSecret;
import io.hsmgate.model.spi.StoreSnapshot;

/** Create, update and delete of SSH private keys in the candidate. */
final class PrivateKeyEditor {

    private static final ItemType TYPE = ItemType.PRIVATE_KEY;

    private final ConfigurationStore store;
    private final Clock clock;

    PrivateKeyEditor(ConfigurationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static String keyContext(UUID id) {
        return "private-key:" + id;
    }

    List<SshPrivateKey> list() {
        return store.snapshot().documents(DocumentType.PRIVATE_KEYS).values().stream().map(PrivateKeyDocument::key)
                .sorted(Comparator.comparing(SshPrivateKey::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    Optional<SshPrivateKey> get(UUID id) {
        return Optional.ofNullable(store.snapshot().document(DocumentType.PRIVATE_KEYS, id.toString()))
                .map(PrivateKeyDocument::key);
    }

    SshPrivateKey create(PrivateKeyInput input, Actor actor) throws ConfigurationException {
        return store.transact(tx -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PrivateKeyDocument document = normalise(input, id, null, now, tx.snapshot());
            tx.put(DocumentType.PRIVATE_KEYS, id.toString(), document);
            tx.audit(new AuditEntry(now, actor, AuditEntry.CREATE, TYPE, id, document.key().name(), null,
                    audited(document), null));
            return document.key();
        });
    }

    SshPrivateKey update(UUID id, long basedOnVersion, PrivateKeyInput input, Actor actor)
            throws ConfigurationException {
        return store.transact(tx -> {
            PrivateKeyDocument existing = require(tx.snapshot(), id);
            Versions.check(TYPE, existing.key().name(), existing.key().version(), basedOnVersion);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PrivateKeyDocument document = normalise(input, id, existing, now, tx.snapshot());
            tx.put(DocumentType.PRIVATE_KEYS, id.toString(), document);
            tx.audit(new AuditEntry(now, actor, AuditEntry.UPDATE, TYPE, id, document.key().name(), audited(existing),
                    audited(document), input.privateKeyPem() != null ? "private key material changed" : null));
            return document.key();
        });
    }

    void delete(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        store.transact(tx -> {
            PrivateKeyDocument existing = require(tx.snapshot(), id);
            Versions.check(TYPE, existing.key().name(), existing.key().version(), basedOnVersion);
            List<ItemRef> referrers = References.referrers(tx.snapshot(), TYPE, id);
            if (!referrers.isEmpty()) {
                throw new ReferencedException(new ItemRef(TYPE, id, existing.key().name()), referrers);
            }
            tx.delete(DocumentType.PRIVATE_KEYS, id.toString());
            tx.audit(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, AuditEntry.DELETE, TYPE, id,
                    existing.key().name(), audited(existing), null, null));
            return null;
        });
    }

    static Map<String, Object> audited(PrivateKeyDocument document) {
        return Fields.audited(Fields.of(document.key()), Fields.PRIVATE_KEY_PEM, document.privateKeyPem() != null,
                document.key().version());
    }

    private PrivateKeyDocument normalise(PrivateKeyInput input, UUID id, PrivateKeyDocument existing, Instant now,
            StoreSnapshot candidate) throws ConfigurationException {
        FieldErrors errors = new FieldErrors();
        String name = Texts.name(input.name(), errors);
        String description = Texts.description(input.description(), errors);
        HsmLocation location = HsmLocation.of(input.storeInHsm(), input.hsmConnectionId(), input.ckaId(),
                input.ckaLabel(), candidate, errors);
        PemKeys.ParsedKey parsed = null;
        try {
            if (location.storeInHsm()) {
                if (input.privateKeyPem() != null) {
                    errors.add(Fields.PRIVATE_KEY_PEM, "give no privateKeyPem when storeInHsm is true: the key stays in"
                            + " the HSM");
                }
            } else if (input.privateKeyPem() != null) {
                parsed = PemKeys.parse(input.privateKeyPem(), Fields.PRIVATE_KEY_PEM, errors);
            } else if (existing == null || existing.privateKeyPem() == null) {
                errors.add(Fields.PRIVATE_KEY_PEM, "privateKeyPem is required when storeInHsm is false");
            }
            if (existing != null) {
                proxiesOnOtherConnections(candidate, id, location, errors);
            }
            errors.throwIfAny();
            Versions.checkNameFree(TYPE, candidate.documents(DocumentType.PRIVATE_KEYS), d -> d.key().id(),
                    d -> d.key().name(), name, id);
            SealedSecret material = null;
            String algorithm = null;
            if (parsed != null) {
                char[] pem = PemKeys.toPem(parsed.pkcs8());
                material = store.secrets().seal(pem, keyContext(id));
                Arrays.fill(pem, '\0');
                algorithm = parsed.algorithm();
            } else if (!location.storeInHsm()) {
                material = existing.privateKeyPem();
                algorithm = existing.key().keyAlgorithm();
            }
            SshPrivateKey key = new SshPrivateKey(id, name, description, location.storeInHsm(),
                    location.hsmConnectionId(), location.ckaId(), location.ckaLabel(), algorithm,
                    existing == null ? now : existing.key().createdAt(), now,
                    existing == null ? 1 : existing.key().version() + 1);
            return new PrivateKeyDocument(key, material);
        } finally {
            if (parsed != null) {
                parsed.clear();
            }
        }
    }

    /** A proxy may only use an HSM key on its own connection, so moving a used key is checked here too. */
    private static void proxiesOnOtherConnections(StoreSnapshot candidate, UUID id, HsmLocation location,
            FieldErrors errors) {
        if (!location.storeInHsm() || location.hsmConnectionId() == null) {
            return;
        }
        for (ProxyServer proxy : candidate.documents(DocumentType.PROXY_SERVERS).values()) {
            if (id.equals(proxy.sshHostKeyId()) && !location.hsmConnectionId().equals(proxy.hsmConnectionId())) {
                errors.add("hsmConnectionId", "proxy server " + Texts.quoted(proxy.name()) + " uses this key and is"
                        + " assigned to HSM connection " + proxy.hsmConnectionId() + "; a key in an HSM must be on the"
                        + " proxy's connection");
            }
        }
    }

    private static PrivateKeyDocument require(StoreSnapshot snapshot, UUID id) throws NotFoundException {
        PrivateKeyDocument document = snapshot.document(DocumentType.PRIVATE_KEYS, id.toString());
        if (document == null) {
            throw new NotFoundException(TYPE, id);
        }
        return document;
    }
}
