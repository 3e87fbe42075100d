package io.hsmgate.model.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsListener;
import io.hsmgate.model.TlsCertificate;

/**
 * The settings of each item as a field map (JSON property names, no identity or bookkeeping fields): what the
 * preview compares and the audit log records. Secrets appear only as {@link AuditEntry#REDACTED}.
 */
final class Fields {

    static final String PIN = "pin";
    static final String PRIVATE_KEY_PEM = "privateKeyPem";

    private Fields() {
    }

    static Map<String, Object> of(HsmConnection c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", c.name());
        fields.put("description", c.description());
        fields.put("libraryPath", c.libraryPath());
        fields.put("tokenSerialNumber", c.tokenSerialNumber());
        fields.put("tokenLabel", c.tokenLabel());
        fields.put("slotNumber", c.slotNumber());
        fields.put("authenticate", c.authenticate());
        fields.put("userType", c.userType() == null ? null : c.userType().name());
        fields.put("maxSessions", c.maxSessions());
        fields.put("connectionTimeoutSeconds", c.connectionTimeoutSeconds());
        fields.put("vendor", c.vendor());
        return fields;
    }

    static Map<String, Object> of(SshPrivateKey k) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", k.name());
        fields.put("description", k.description());
        fields.put("storeInHsm", k.storeInHsm());
        fields.put("hsmConnectionId", string(k.hsmConnectionId()));
        fields.put("ckaId", k.ckaId());
        fields.put("ckaLabel", k.ckaLabel());
        fields.put("keyAlgorithm", k.keyAlgorithm());
        return fields;
    }

    static Map<String, Object> of(TlsCertificate t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", t.name());
        fields.put("description", t.description());
        fields.put("storeInHsm", t.storeInHsm());
        fields.put("hsmConnectionId", string(t.hsmConnectionId()));
        fields.put("ckaId", t.ckaId());
        fields.put("ckaLabel", t.ckaLabel());
        fields.put("certificateChainPem", t.certificateChainPem());
        fields.put("subject", t.subject());
        fields.put("notAfter", t.notAfter() == null ? null : t.notAfter().toString());
        return fields;
    }

    static Map<String, Object> of(ProxyServer p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", p.name());
        fields.put("description", p.description());
        fields.put("hsmConnectionId", string(p.hsmConnectionId()));
        fields.put("tlsCertificateId", string(p.tlsCertificateId()));
        fields.put("sshHostKeyId", string(p.sshHostKeyId()));
        TlsListener tls = p.tlsListener();
        fields.put("tlsListener.bindHost", tls == null ? null : tls.bindHost());
        fields.put("tlsListener.port", tls == null ? null : tls.port());
        fields.put("tlsListener.backendHost", tls == null ? null : tls.backendHost());
        fields.put("tlsListener.backendPort", tls == null ? null : tls.backendPort());
        fields.put("tlsListener.protocols", tls == null ? null : String.join(", ", tls.protocols()));
        SshListener ssh = p.sshListener();
        fields.put("sshListener.bindHost", ssh == null ? null : ssh.bindHost());
        fields.put("sshListener.port", ssh == null ? null : ssh.port());
        // one key per line: the preview shows which keys came and went
        fields.put("sshListener.authorizedKeys", ssh == null ? null : String.join("\n", ssh.authorizedKeys()));
        fields.put("sshListener.backendHost", ssh == null ? null : ssh.backendHost());
        fields.put("sshListener.backendPort", ssh == null ? null : ssh.backendPort());
        return fields;
    }

    /** The audit form: settings, whether a secret is set (never its value), and the version. */
    static Map<String, Object> audited(Map<String, Object> settings, String secretField, boolean secretSet,
            long version) {
        Map<String, Object> fields = new LinkedHashMap<>(settings);
        if (secretField != null) {
            fields.put(secretField, secretSet ? AuditEntry.REDACTED : null);
        }
        fields.put("version", version);
        return fields;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
