package io.hsmgate.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A proxy server: its assigned HSM connection and the TLS certificate and SSH host key it uses (either may be
 * absent). A referenced credential stored in an HSM is on the proxy's assigned connection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProxyServer(
        UUID id,
        String name,
        String description,
        UUID hsmConnectionId,
        UUID tlsCertificateId,
        UUID sshHostKeyId,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
