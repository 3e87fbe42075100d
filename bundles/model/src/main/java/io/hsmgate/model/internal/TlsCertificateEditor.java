package io.hsmgate.model.internal;

import java.security.cert.X509Certificate;
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
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.SealedSecret;
import io.hsmgate.model.spi.StoreSnapshot;
import io.hsmgate.model.spi.TlsCertificateDocument;

/** Create, update and delete of TLS certificates in the candidate. */
final class TlsCertificateEditor {

    private static final ItemType TYPE = ItemType.TLS_CERTIFICATE;
    private static final String CHAIN = "certificateChainPem";

    private final ConfigurationStore store;
    private final Clock clock;

    TlsCertificateEditor(ConfigurationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static String keyContext(UUID id) {
        return "tls-key:" + id;
    }

    List<TlsCertificate> list() {
        return store.snapshot().documents(DocumentType.TLS_CERTIFICATES).values().stream()
                .map(TlsCertificateDocument::certificate)
                .sorted(Comparator.comparing(TlsCertificate::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    Optional<TlsCertificate> get(UUID id) {
        return Optional.ofNullable(store.snapshot().document(DocumentType.TLS_CERTIFICATES, id.toString()))
                .map(TlsCertificateDocument::certificate);
    }

    TlsCertificate create(TlsCertificateInput input, Actor actor) throws ConfigurationException {
        return store.transact(tx -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            TlsCertificateDocument document = normalise(input, id, null, now, tx.snapshot());
            tx.put(DocumentType.TLS_CERTIFICATES, id.toString(), document);
            tx.audit(new AuditEntry(now, actor, AuditEntry.CREATE, TYPE, id, document.certificate().name(), null,
                    audited(document), null));
            return document.certificate();
        });
    }

    TlsCertificate update(UUID id, long basedOnVersion, TlsCertificateInput input, Actor actor)
            throws ConfigurationException {
        return store.transact(tx -> {
            TlsCertificateDocument existing = require(tx.snapshot(), id);
            Versions.check(TYPE, existing.certificate().name(), existing.certificate().version(), basedOnVersion);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            TlsCertificateDocument document = normalise(input, id, existing, now, tx.snapshot());
            tx.put(DocumentType.TLS_CERTIFICATES, id.toString(), document);
            tx.audit(new AuditEntry(now, actor, AuditEntry.UPDATE, TYPE, id, document.certificate().name(),
                    audited(existing), audited(document),
                    input.privateKeyPem() != null ? "private key material changed" : null));
            return document.certificate();
        });
    }

    void delete(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        store.transact(tx -> {
            TlsCertificateDocument existing = require(tx.snapshot(), id);
            Versions.check(TYPE, existing.certificate().name(), existing.certificate().version(), basedOnVersion);
            List<ItemRef> referrers = References.referrers(tx.snapshot(), TYPE, id);
            if (!referrers.isEmpty()) {
                throw new ReferencedException(new ItemRef(TYPE, id, existing.certificate().name()), referrers);
            }
            tx.delete(DocumentType.TLS_CERTIFICATES, id.toString());
            tx.audit(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, AuditEntry.DELETE, TYPE, id,
                    existing.certificate().name(), audited(existing), null, null));
            return null;
        });
    }

    static Map<String, Object> audited(TlsCertificateDocument document) {
        return Fields.audited(Fields.of(document.certificate()), Fields.PRIVATE_KEY_PEM,
                document.privateKeyPem() != null, document.certificate().version());
    }

    private TlsCertificateDocument normalise(TlsCertificateInput input, UUID id, TlsCertificateDocument existing,
            Instant now, StoreSnapshot candidate) throws ConfigurationException {
        FieldErrors errors = new FieldErrors();
        String name = Texts.name(input.name(), errors);
        String description = Texts.description(input.description(), errors);
        HsmLocation location = HsmLocation.of(input.storeInHsm(), input.hsmConnectionId(), input.ckaId(),
                input.ckaLabel(), candidate, errors);
        String chainPem = Texts.optional(input.certificateChainPem());
        List<X509Certificate> chain = null;
        if (chainPem != null) {
            chain = PemCertificates.parseChain(chainPem, CHAIN, errors);
        } else if (existing != null && existing.certificate().certificateChainPem() != null) {
            chain = PemCertificates.parseChain(existing.certificate().certificateChainPem(), CHAIN, errors);
        } else if (!location.storeInHsm()) {
            errors.add(CHAIN, "certificateChainPem is required when storeInHsm is false");
        }
        PemKeys.ParsedKey key = null;
        try {
            if (location.storeInHsm()) {
                if (input.privateKeyPem() != null) {
                    errors.add(Fields.PRIVATE_KEY_PEM, "give no privateKeyPem when storeInHsm is true: the key stays in"
                            + " the HSM");
                }
            } else if (input.privateKeyPem() != null) {
                key = PemKeys.parse(input.privateKeyPem(), Fields.PRIVATE_KEY_PEM, errors);
            } else if (existing != null && existing.privateKeyPem() != null) {
                key = storedKey(existing, id, errors);
            } else {
                errors.add(Fields.PRIVATE_KEY_PEM, "privateKeyPem is required when storeInHsm is false");
            }
            if (key != null && chain != null && !PemCertificates.keyMatches(key.key(), chain.get(0))) {
                errors.add(Fields.PRIVATE_KEY_PEM + "," + CHAIN, "privateKeyPem does not belong to the first"
                        + " certificate of certificateChainPem (" + PemCertificates.subject(chain.get(0)) + ")");
            }
            if (existing != null) {
                proxiesOnOtherConnections(candidate, id, location, errors);
            }
            errors.throwIfAny();
            Versions.checkNameFree(TYPE, candidate.documents(DocumentType.TLS_CERTIFICATES), d -> d.certificate().id(),
                    d -> d.certificate().name(), name, id);
            SealedSecret material = null;
            if (input.privateKeyPem() != null && key != null) {
                char[] pem = PemKeys.toPem(key.pkcs8());
                material = store.secrets().seal(pem, keyContext(id));
                Arrays.fill(pem, '\0');
            } else if (!location.storeInHsm()) {
                material = existing.privateKeyPem();
            }
            X509Certificate leaf = chain == null ? null : chain.get(0);
            TlsCertificate certificate = new TlsCertificate(id, name, description, location.storeInHsm(),
                    location.hsmConnectionId(), location.ckaId(), location.ckaLabel(),
                    chain == null ? null : PemCertificates.toPem(chain),
                    leaf == null ? null : PemCertificates.subject(leaf),
                    leaf == null ? null : leaf.getNotAfter().toInstant(),
                    existing == null ? now : existing.certificate().createdAt(), now,
                    existing == null ? 1 : existing.certificate().version() + 1);
            return new TlsCertificateDocument(certificate, material);
        } finally {
            if (key != null) {
                key.clear();
            }
        }
    }

    private PemKeys.ParsedKey storedKey(TlsCertificateDocument existing, UUID id, FieldErrors errors)
            throws ConfigurationException {
        char[] pem = store.secrets().open(existing.privateKeyPem(), keyContext(id));
        try {
            return PemKeys.parse(pem, Fields.PRIVATE_KEY_PEM, errors);
        } finally {
            Arrays.fill(pem, '\0');
        }
    }

    private static void proxiesOnOtherConnections(StoreSnapshot candidate, UUID id, HsmLocation location,
            FieldErrors errors) {
        if (!location.storeInHsm() || location.hsmConnectionId() == null) {
            return;
        }
        for (ProxyServer proxy : candidate.documents(DocumentType.PROXY_SERVERS).values()) {
            if (id.equals(proxy.tlsCertificateId()) && !location.hsmConnectionId().equals(proxy.hsmConnectionId())) {
                errors.add("hsmConnectionId", "proxy server " + Texts.quoted(proxy.name()) + " uses this certificate"
                        + " and is assigned to HSM connection " + proxy.hsmConnectionId() + "; a certificate in an HSM"
                        + " must be on the proxy's connection");
            }
        }
    }

    private static TlsCertificateDocument require(StoreSnapshot snapshot, UUID id) throws NotFoundException {
        TlsCertificateDocument document = snapshot.document(DocumentType.TLS_CERTIFICATES, id.toString());
        if (document == null) {
            throw new NotFoundException(TYPE, id);
        }
        return document;
    }
}
