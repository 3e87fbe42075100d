package io.hsmgate.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A TLS certificate with its private key. In an HSM: {@code hsmConnectionId} plus {@code ckaId} and/or
 * {@code ckaLabel}; the chain may be given as PEM too. Not in an HSM: the chain is kept here (public) and the
 * private key is sealed in the store and never returned. {@code subject} and {@code notAfter} describe the
 * first (leaf) certificate of the chain when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TlsCertificate(
        UUID id,
        String name,
        String description,
        boolean storeInHsm,
        UUID hsmConnectionId,
        String ckaId,
        String ckaLabel,
        String certificateChainPem,
        String subject,
        Instant notAfter,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
