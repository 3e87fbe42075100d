package io.hsmgate.runtime;

import java.util.List;
import java.util.UUID;

/**
 * The validation of one HSM-held private key or TLS certificate.
 *
 * @param type "private key" or "TLS certificate"
 * @param id the credential's id
 * @param name its name
 * @param ok whether it can be used for signing as configured
 * @param keyType "RSA" or "EC", when the key was found
 * @param keySize the key size in bits, when found
 * @param problems what makes it unusable
 * @param warnings what works now but needs attention (expiry within 30 days, SO login)
 */
public record CredentialCheck(String type, UUID id, String name, boolean ok, String keyType, int keySize,
                              List<String> problems, List<String> warnings) {

    public CredentialCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
