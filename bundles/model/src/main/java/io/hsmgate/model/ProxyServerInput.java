package io.hsmgate.model;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a caller gives to create or update a proxy server; {@code sshHostKeyId} names a private key. A null
 * listener means the proxy server has no such listener.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxyServerInput(
        String name,
        String description,
        UUID hsmConnectionId,
        UUID tlsCertificateId,
        UUID sshHostKeyId,
        TlsListener tlsListener,
        SshListener sshListener) {

    /** An input without listeners. */
    public ProxyServerInput(String name, String description, UUID hsmConnectionId, UUID tlsCertificateId,
            UUID sshHostKeyId) {
        this(name, description, hsmConnectionId, tlsCertificateId, sshHostKeyId, null, null);
    }
}
