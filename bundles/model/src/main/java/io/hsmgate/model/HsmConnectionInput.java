package io.hsmgate.model;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a caller gives to create or update an HSM connection. Nulls mean "not given": defaults apply on create
 * ({@code authenticate} true, {@code maxSessions} 1024, {@code connectionTimeoutSeconds} 30) and, on update, a
 * null {@code pin} keeps the stored PIN. The model copies the PIN and never changes or clears this array; the
 * caller clears it after the call. Read-only properties sent back by clients ({@code id}, {@code createdAt},
 * ...) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HsmConnectionInput(
        String name,
        String description,
        String libraryPath,
        String tokenSerialNumber,
        String tokenLabel,
        Long slotNumber,
        Boolean authenticate,
        char[] pin,
        UserType userType,
        Integer maxSessions,
        Integer connectionTimeoutSeconds,
        String vendor) {

    @Override
    public boolean equals(Object other) {
        return other instanceof HsmConnectionInput that
                && java.util.Objects.equals(name, that.name)
                && java.util.Objects.equals(description, that.description)
                && java.util.Objects.equals(libraryPath, that.libraryPath)
                && java.util.Objects.equals(tokenSerialNumber, that.tokenSerialNumber)
                && java.util.Objects.equals(tokenLabel, that.tokenLabel)
                && java.util.Objects.equals(slotNumber, that.slotNumber)
                && java.util.Objects.equals(authenticate, that.authenticate)
                && Arrays.equals(pin, that.pin)
                && userType == that.userType
                && java.util.Objects.equals(maxSessions, that.maxSessions)
                && java.util.Objects.equals(connectionTimeoutSeconds, that.connectionTimeoutSeconds)
                && java.util.Objects.equals(vendor, that.vendor);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, libraryPath, tokenSerialNumber, tokenLabel, slotNumber);
    }

    /** Never shows the PIN. */
    @Override
    public String toString() {
        return "HsmConnectionInput[name=" + name + ", libraryPath=" + libraryPath + ", tokenSerialNumber="
                + tokenSerialNumber + ", tokenLabel=" + tokenLabel + ", slotNumber=" + slotNumber + ", authenticate="
                + authenticate + ", pin=" + (pin == null ? "absent" : "(given)") + ", userType=" + userType
                + ", maxSessions=" + maxSessions + ", connectionTimeoutSeconds=" + connectionTimeoutSeconds
                + ", vendor=" + vendor + "]";
    }
}
