package io.hsmgate.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An SSH private key (JSON type "private key"). Either it lives in an HSM ({@code storeInHsm}, then
 * {@code hsmConnectionId} and at least one of {@code ckaId}/{@code ckaLabel} are set) or its PEM material is
 * sealed in the store; the material is never returned, only its {@code keyAlgorithm}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SshPrivateKey(
        UUID id,
        String name,
        String description,
        boolean storeInHsm,
        UUID hsmConnectionId,
        String ckaId,
        String ckaLabel,
        String keyAlgorithm,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
