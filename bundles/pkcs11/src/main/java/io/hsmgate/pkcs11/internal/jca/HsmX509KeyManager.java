package io.hsmgate.pkcs11.internal.jca;

import io.hsmgate.pkcs11.HsmPrivateKey;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** Serves one certificate chain whose private key is in the HSM, so JSSE signs handshakes there. */
public final class HsmX509KeyManager extends X509ExtendedKeyManager {
    private final String alias;
    private final HsmPrivateKey key;
    private final X509Certificate[] chain;

    public HsmX509KeyManager(String alias, HsmPrivateKey key, X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            throw new IllegalArgumentException("the certificate chain is empty");
        }
        if (!chain[0].getPublicKey().equals(key.publicKey())) {
            throw new IllegalArgumentException("the leaf certificate " + chain[0].getSubjectX500Principal()
                    + " does not hold the public key of " + key);
        }
        this.alias = alias;
        this.key = key;
        this.chain = chain.clone();
    }

    private String aliasFor(String keyType) {
        // JSSE asks for "RSA", "EC", "RSASSA-PSS" (or "EC_EC"/"EC_RSA" in TLS 1.2 ECDH suites)
        String algorithm = key.getAlgorithm();
        return keyType != null && (keyType.equals(algorithm) || keyType.startsWith(algorithm + "_")) ? alias : null;
    }

    private String aliasFor(String[] keyTypes) {
        return keyTypes == null ? null
                : Arrays.stream(keyTypes).map(this::aliasFor).filter(a -> a != null).findFirst().orElse(null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        String a = aliasFor(keyType);
        return a == null ? null : new String[] {a};
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String requested) {
        return alias.equals(requested) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String requested) {
        return alias.equals(requested) ? key : null;
    }
}
