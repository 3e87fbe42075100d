package io.hsmgate.proxy.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * Remembers, per handshake thread, whether the key manager offered a key. JSSE asks once per key type and a
 * null answer for a type the key does not have is normal; no key offered at all, while the HSM cannot find the
 * key, is how an HSM outage shows in a handshake.
 */
final class ObservedKeyManager extends X509ExtendedKeyManager {

    private static final ThreadLocal<Boolean> OFFERED = new ThreadLocal<>();

    private final X509KeyManager delegate;

    ObservedKeyManager(X509KeyManager delegate) {
        this.delegate = delegate;
    }

    /** Starts observing a handshake on this thread. */
    static void begin() {
        OFFERED.set(Boolean.FALSE);
    }

    /** @return whether a key was offered since {@link #begin()}; stops observing */
    static boolean end() {
        Boolean offered = OFFERED.get();
        OFFERED.remove();
        return Boolean.TRUE.equals(offered);
    }

    private String noted(String alias) {
        if (alias != null && OFFERED.get() != null) {
            OFFERED.set(Boolean.TRUE);
        }
        return alias;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return noted(delegate.chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return noted(delegate instanceof X509ExtendedKeyManager e ? e.chooseEngineServerAlias(keyType, issuers, engine)
                : delegate.chooseServerAlias(keyType, issuers, null));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
    }
}
