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

    /** Decodes the base64 body of a PKCS#8 PEM without turning the secret into a String; clears its copies. */
    static PrivateKey privateKey(char[] pem) throws GeneralSecurityException {
        int begin = indexOf(pem, BEGIN, 0);
        int end = begin < 0 ? -1 : indexOf(pem, END, begin + BEGIN.length());
        if (begin < 0 || end < 0) {
            throw new GeneralSecurityException("the stored private key is not PKCS#8 PEM");
        }
        byte[] base64 = new byte[end - begin];
        int n = 0;
        for (int i = begin + BEGIN.length(); i < end; i++) {
            if (!Character.isWhitespace(pem[i])) {
                base64[n++] = (byte) pem[i];
            }
        }
        byte[] der = Base64.getDecoder().decode(Arrays.copyOf(base64, n));
        Arrays.fill(base64, (byte) 0);
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

    private static int indexOf(char[] text, String pattern, int from) {
        outer:
        for (int i = from; i <= text.length - pattern.length(); i++) {
            for (int j = 0; j < pattern.length(); j++) {
                if (text[i + j] != pattern.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
