package io.hsmgate.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stored HSM connection as returned to callers. It never carries the PIN (write-only, see
 * {@link HsmConnectionInput}); {@link #pinSet()} only says whether one is stored. Exactly one of
 * {@code tokenSerialNumber}, {@code tokenLabel}, {@code slotNumber} is non-null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HsmConnection(
        UUID id,
        String name,
        String description,
        String libraryPath,
        String tokenSerialNumber,
        String tokenLabel,
        Long slotNumber,
        boolean authenticate,
        UserType userType,
        boolean pinSet,
        int maxSessions,
        int connectionTimeoutSeconds,
        String vendor,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
