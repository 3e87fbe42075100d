package io.hsmgate.pkcs11.spi;

import java.util.Objects;

/**
 * An environment variable the vendor library needs before it loads.
 *
 * @param variable the name, e.g. "ChrystokiConfigurationPath"
 * @param mustName what the value must name on disk
 * @param purpose why it is needed, for the error message
 */
public record EnvironmentRequirement(String variable, Target mustName, String purpose) {

    /** What the variable's value must point at. */
    public enum Target { ANYTHING, EXISTING_FILE, EXISTING_DIRECTORY }

    public EnvironmentRequirement {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(mustName, "mustName");
        purpose = purpose == null ? "" : purpose;
    }
}
