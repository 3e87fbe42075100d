package io.hsmgate.model.spi;

import io.hsmgate.model.SshPrivateKey;

/** A stored private key with its sealed PKCS#8 PEM (null when in an HSM). */
public record PrivateKeyDocument(SshPrivateKey key, SealedSecret privateKeyPem) {
}
