package io.hsmgate.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A proxy server: its assigned HSM connection, the TLS certificate and SSH host key it uses (either may be
 * absent), and its listeners: {@code tlsListener} needs the TLS certificate, {@code sshListener} the SSH host
 * key; either may be absent. A referenced credential stored in an HSM is on the proxy's assigned connection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProxyServer(
        UUID id,
        String name,
        String description,
        UUID hsmConnectionId,
        UUID tlsCertificateId,
        UUID sshHostKeyId,
        TlsListener tlsListener,
        SshListener sshListener,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** A proxy server without listeners (the form before listeners existed). */
    public ProxyServer(UUID id, String name, String description, UUID hsmConnectionId, UUID tlsCertificateId,
            UUID sshHostKeyId, Instant createdAt, Instant updatedAt, long version) {
        this(id, name, description, hsmConnectionId, tlsCertificateId, sshHostKeyId, null, null, createdAt, updatedAt,
                version);
    }
}
