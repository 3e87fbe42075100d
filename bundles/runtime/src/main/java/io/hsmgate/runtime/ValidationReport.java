package io.hsmgate.runtime;

import java.util.List;

/**
 * Credential validation for one connection.
 *
 * @param ok whether every credential is usable
 * @param credentials one check per private key and TLS certificate stored in the HSM on the connection
 * @param warnings connection-wide warnings (e.g. logged in as security officer)
 */
public record ValidationReport(boolean ok, List<CredentialCheck> credentials, List<String> warnings) {

    public ValidationReport {
        credentials = List.copyOf(credentials);
        warnings = List.copyOf(warnings);
    }
}
