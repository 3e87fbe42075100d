package io.hsmgate.pkcs11;

/**
 * Signature mechanisms the core performs in the HSM. The input of {@link Pkcs11Session#sign} is the hash of the
 * message: the core adds the DigestInfo for PKCS#1 v1.5 and converts ECDSA's r||s to DER.
 */
public enum SigningMechanism {
    RSA_PKCS1_SHA256("SHA-256"),
    RSA_PKCS1_SHA384("SHA-384"),
    RSA_PKCS1_SHA512("SHA-512"),
    RSA_PSS_SHA256("SHA-256"),
    RSA_PSS_SHA384("SHA-384"),
    RSA_PSS_SHA512("SHA-512"),
    ECDSA("any");

    private final String hash;

    SigningMechanism(String hash) {
        this.hash = hash;
    }

    /** @return the JDK name of the hash the input must be made with ("any" for ECDSA) */
    public String hash() {
        return hash;
    }
}
