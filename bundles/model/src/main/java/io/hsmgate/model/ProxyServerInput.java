package io.hsmgate.model;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a caller gives to create or update a proxy server; {@code sshHostKeyId} names a private key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxyServerInput(
        String name,
        String description,
        UUID hsmConnectionId,
        UUID tlsCertificateId,
        UUID sshHostKeyId) {
}
