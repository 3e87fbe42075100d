package io.hsmgate.pkcs11;

import io.hsmgate.pkcs11.internal.jca.HsmX509KeyManager;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509KeyManager;

/** Builds key managers that let JSSE sign TLS handshakes with an HSM key. */
public final class HsmKeyManagers {

    private HsmKeyManagers() {
    }

    /**
     * A key manager that always offers {@code chain} and {@code key} under {@code alias}, for clients and
     * servers, when the peer accepts the key's algorithm. The hsmgate JCA provider must be registered (it is
     * while this bundle is active).
     *
     * @param alias the alias JSSE will see
     * @param key the HSM private key
     * @param chain the certificate chain, leaf first; the leaf must hold the key's public key
     * @return the key manager
     * @throws IllegalArgumentException if the chain is empty or the leaf does not match the key
     */
    public static X509KeyManager forKey(String alias, HsmPrivateKey key, X509Certificate... chain) {
        return new HsmX509KeyManager(alias, key, chain);
    }
}
