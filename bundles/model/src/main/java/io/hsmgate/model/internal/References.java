package io.hsmgate.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hsmgate.model.FieldError;
import io.hsmgate.model.ItemRef;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.spi.ConnectionDocument;
import io.hsmgate.model.spi.DocumentType;
import io.hsmgate.model.spi.PrivateKeyDocument;
import io.hsmgate.model.spi.StoreSnapshot;
import io.hsmgate.model.spi.TlsCertificateDocument;

/** Who refers to whom in the candidate, for refusing deletes and pushes with dangling references. */
final class References {

    private References() {
    }

    static List<ItemRef> referrers(StoreSnapshot candidate, ItemType type, UUID id) {
        List<ItemRef> referrers = new ArrayList<>();
        if (type == ItemType.HSM_CONNECTION) {
            for (PrivateKeyDocument document : candidate.documents(DocumentType.PRIVATE_KEYS).values()) {
                SshPrivateKey key = document.key();
                if (id.equals(key.hsmConnectionId())) {
                    referrers.add(new ItemRef(ItemType.PRIVATE_KEY, key.id(), key.name()));
                }
            }
            for (TlsCertificateDocument document : candidate.documents(DocumentType.TLS_CERTIFICATES).values()) {
                TlsCertificate certificate = document.certificate();
                if (id.equals(certificate.hsmConnectionId())) {
                    referrers.add(new ItemRef(ItemType.TLS_CERTIFICATE, certificate.id(), certificate.name()));
                }
            }
        }
        for (ProxyServer proxy : candidate.documents(DocumentType.PROXY_SERVERS).values()) {
            UUID referenced = switch (type) {
                case HSM_CONNECTION -> proxy.hsmConnectionId();
                case PRIVATE_KEY -> proxy.sshHostKeyId();
                case TLS_CERTIFICATE -> proxy.tlsCertificateId();
                case PROXY_SERVER -> null;
            };
            if (id.equals(referenced)) {
                referrers.add(new ItemRef(ItemType.PROXY_SERVER, proxy.id(), proxy.name()));
            }
        }
        referrers.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return referrers;
    }

    /**
     * Every reference to a missing item and every HSM credential used by a proxy on another connection. The
     * edit operations already refuse these; this guards the push against a store edited by other means.
     */
    static List<FieldError> problems(StoreSnapshot candidate) {
        Map<String, ConnectionDocument> connections = candidate.documents(DocumentType.HSM_CONNECTIONS);
        Map<String, PrivateKeyDocument> keys = candidate.documents(DocumentType.PRIVATE_KEYS);
        Map<String, TlsCertificateDocument> certificates = candidate.documents(DocumentType.TLS_CERTIFICATES);
        List<FieldError> problems = new ArrayList<>();
        for (PrivateKeyDocument document : keys.values()) {
            SshPrivateKey key = document.key();
            if (key.storeInHsm() && !connections.containsKey(String.valueOf(key.hsmConnectionId()))) {
                problems.add(missing(new ItemRef(ItemType.PRIVATE_KEY, key.id(), key.name()), "hsmConnectionId",
                        ItemType.HSM_CONNECTION, key.hsmConnectionId()));
            }
        }
        for (TlsCertificateDocument document : certificates.values()) {
            TlsCertificate certificate = document.certificate();
            if (certificate.storeInHsm()
                    && !connections.containsKey(String.valueOf(certificate.hsmConnectionId()))) {
                problems.add(missing(new ItemRef(ItemType.TLS_CERTIFICATE, certificate.id(), certificate.name()),
                        "hsmConnectionId", ItemType.HSM_CONNECTION, certificate.hsmConnectionId()));
            }
        }
        for (ProxyServer proxy : candidate.documents(DocumentType.PROXY_SERVERS).values()) {
            ItemRef self = new ItemRef(ItemType.PROXY_SERVER, proxy.id(), proxy.name());
            if (!connections.containsKey(String.valueOf(proxy.hsmConnectionId()))) {
                problems.add(missing(self, "hsmConnectionId", ItemType.HSM_CONNECTION, proxy.hsmConnectionId()));
            }
            if (proxy.tlsCertificateId() != null) {
                TlsCertificateDocument certificate = certificates.get(proxy.tlsCertificateId().toString());
                if (certificate == null) {
                    problems.add(missing(self, "tlsCertificateId", ItemType.TLS_CERTIFICATE, proxy.tlsCertificateId()));
                } else if (certificate.certificate().storeInHsm()
                        && !certificate.certificate().hsmConnectionId().equals(proxy.hsmConnectionId())) {
                    problems.add(new FieldError("tlsCertificateId", self + " uses TLS certificate "
                            + Texts.quoted(certificate.certificate().name()) + ", which is on another HSM connection"));
                }
            }
            if (proxy.sshHostKeyId() != null) {
                PrivateKeyDocument key = keys.get(proxy.sshHostKeyId().toString());
                if (key == null) {
                    problems.add(missing(self, "sshHostKeyId", ItemType.PRIVATE_KEY, proxy.sshHostKeyId()));
                } else if (key.key().storeInHsm() && !key.key().hsmConnectionId().equals(proxy.hsmConnectionId())) {
                    problems.add(new FieldError("sshHostKeyId", self + " uses private key "
                            + Texts.quoted(key.key().name()) + ", which is on another HSM connection"));
                }
            }
        }
        return problems;
    }

    private static FieldError missing(ItemRef from, String field, ItemType type, UUID id) {
        return new FieldError(field, from + " refers to " + type.label() + " " + id + ", which does not exist");
    }
}
