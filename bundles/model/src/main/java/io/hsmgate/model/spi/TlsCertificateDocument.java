package io.hsmgate.model.spi;

import io.hsmgate.model.TlsCertificate;

/** A stored TLS certificate with its sealed PKCS#8 PEM private key (null when in an HSM). */
public record TlsCertificateDocument(TlsCertificate certificate, SealedSecret privateKeyPem) {
}
