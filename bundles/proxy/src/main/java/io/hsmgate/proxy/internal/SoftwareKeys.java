package io.hsmgate.proxy.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keys and certificates of credentials that are not in an HSM, as the model hands them out (PKCS#8 PEM,
 * certificate chains as PEM). The PEM arrays are the caller's to clear.
 */
final class SoftwareKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SoftwareKeys() {
    }

    static PrivateKey privateKey(char[] pem) throws GeneralSecurityException {
        String text = new String(pem); // short-lived: PEM text of a key that is already in this JVM's memory
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("the stored private key is not PKCS#8 PEM");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        try {
            for (String algorithm : List.of("RSA", "EC")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException e) {
                    // try the next algorithm
                }
            }
            throw new GeneralSecurityException("the stored private key is neither RSA nor EC");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** An SSH host key pair from a software key: only RSA carries its public half (an EC key would need BC). */
    static KeyPair sshKeyPair(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return new KeyPair(KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())), key);
        }
        throw new GeneralSecurityException("an SSH host key outside the HSM must be RSA; store an EC host key in the"
                + " HSM instead");
    }

    static X509Certificate[] chain(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = factory.generateCertificates(new ByteArrayInputStream(
                pem.getBytes(StandardCharsets.US_ASCII))).stream().map(X509Certificate.class::cast).toList();
        if (chain.isEmpty()) {
            throw new CertificateException("the certificate chain PEM holds no certificate");
        }
        return chain.toArray(new X509Certificate[0]);
    }

    static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
