package io.hsmgate.model.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsListener;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.PrivateKeyDocument;
import io.hsmgate.model.spi.StoreSnapshot;
import io.hsmgate.model.spi.TlsCertificateDocument;

/** Create, update and delete of proxy servers in the candidate. */
final class ProxyServerEditor {

    private static final ItemType TYPE = ItemType.PROXY_SERVER;

    private final ConfigurationStore store;
    private final Clock clock;

    ProxyServerEditor(ConfigurationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    List<ProxyServer> list() {
        return store.snapshot().documents(DocumentType.PROXY_SERVERS).values().stream()
                .sorted(Comparator.comparing(ProxyServer::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    Optional<ProxyServer> get(UUID id) {
        return Optional.ofNullable(store.snapshot().document(DocumentType.PROXY_SERVERS, id.toString()));
    }

    ProxyServer create(ProxyServerInput input, Actor actor) throws ConfigurationException {
        return store.transact(tx -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ProxyServer proxy = normalise(input, id, now, now, 1, tx.snapshot());
            tx.put(DocumentType.PROXY_SERVERS, id.toString(), proxy);
            tx.audit(new AuditEntry(now, actor, AuditEntry.CREATE, TYPE, id, proxy.name(), null, audited(proxy), null));
            return proxy;
        });
    }

    ProxyServer update(UUID id, long basedOnVersion, ProxyServerInput input, Actor actor)
            throws ConfigurationException {
        return store.transact(tx -> {
            ProxyServer before = require(tx.snapshot(), id);
            Versions.check(TYPE, before.name(), before.version(), basedOnVersion);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ProxyServer proxy = normalise(input, id, before.createdAt(), now, before.version() + 1, tx.snapshot());
            tx.put(DocumentType.PROXY_SERVERS, id.toString(), proxy);
            tx.audit(new AuditEntry(now, actor, AuditEntry.UPDATE, TYPE, id, proxy.name(), audited(before),
                    audited(proxy), null));
            return proxy;
        });
    }

    void delete(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        store.transact(tx -> {
            ProxyServer before = require(tx.snapshot(), id);
            Versions.check(TYPE, before.name(), before.version(), basedOnVersion);
            tx.delete(DocumentType.PROXY_SERVERS, id.toString());
            tx.audit(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, AuditEntry.DELETE, TYPE, id,
                    before.name(), audited(before), null, null));
            return null;
        });
    }

    static Map<String, Object> audited(ProxyServer proxy) {
        return Fields.audited(Fields.of(proxy), null, false, proxy.version());
    }

    private static ProxyServer normalise(ProxyServerInput input, UUID id, Instant createdAt, Instant now, long version,
            StoreSnapshot candidate) throws ConfigurationException {
        FieldErrors errors = new FieldErrors();
        String name = Texts.name(input.name(), errors);
        String description = Texts.description(input.description(), errors);
        UUID connectionId = input.hsmConnectionId();
        if (connectionId == null) {
            errors.add("hsmConnectionId", "hsmConnectionId is required: the HSM connection this proxy server uses");
        } else if (candidate.document(DocumentType.HSM_CONNECTIONS, connectionId.toString()) == null) {
            errors.add("hsmConnectionId", "there is no HSM connection with id " + connectionId);
        }
        if (input.tlsCertificateId() != null) {
            TlsCertificateDocument certificate =
                    candidate.document(DocumentType.TLS_CERTIFICATES, input.tlsCertificateId().toString());
            if (certificate == null) {
                errors.add("tlsCertificateId", "there is no TLS certificate with id " + input.tlsCertificateId());
            } else if (certificate.certificate().storeInHsm() && connectionId != null
                    && !connectionId.equals(certificate.certificate().hsmConnectionId())) {
                errors.add("tlsCertificateId", "TLS certificate " + Texts.quoted(certificate.certificate().name())
                        + " is stored on HSM connection " + certificate.certificate().hsmConnectionId()
                        + "; a proxy server can only use HSM credentials on its own connection " + connectionId);
            }
        }
        if (input.sshHostKeyId() != null) {
            PrivateKeyDocument key = candidate.document(DocumentType.PRIVATE_KEYS, input.sshHostKeyId().toString());
            if (key == null) {
                errors.add("sshHostKeyId", "there is no private key with id " + input.sshHostKeyId());
            } else if (key.key().storeInHsm() && connectionId != null
                    && !connectionId.equals(key.key().hsmConnectionId())) {
                errors.add("sshHostKeyId", "private key " + Texts.quoted(key.key().name())
                        + " is stored on HSM connection " + key.key().hsmConnectionId()
                        + "; a proxy server can only use HSM credentials on its own connection " + connectionId);
            }
        }
        TlsListener tls = ListenerRules.tls(input.tlsListener(), input.tlsCertificateId() != null, errors);
        SshListener ssh = ListenerRules.ssh(input.sshListener(), input.sshHostKeyId() != null, errors);
        ListenerRules.checkAddressesFree(id, tls, ssh, candidate.documents(DocumentType.PROXY_SERVERS), errors);
        errors.throwIfAny();
        Versions.checkNameFree(TYPE, candidate.documents(DocumentType.PROXY_SERVERS), ProxyServer::id,
                ProxyServer::name, name, id);
        return new ProxyServer(id, name, description, connectionId, input.tlsCertificateId(), input.sshHostKeyId(),
                tls, ssh, createdAt, now, version);
    }

    private static ProxyServer require(StoreSnapshot snapshot, UUID id) throws NotFoundException {
        ProxyServer proxy = snapshot.document(DocumentType.PROXY_SERVERS, id.toString());
        if (proxy == null) {
            throw new NotFoundException(TYPE, id);
        }
        return proxy;
    }
}
