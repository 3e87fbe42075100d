package io.hsmgate.proxy.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;

/** Offers no key while the test connection is offline, as the runtime's routing key manager does. */
final class SwitchableKeyManager extends X509ExtendedKeyManager {

    private final X509KeyManager delegate;
    private final TokenBackedConnection connection;

    SwitchableKeyManager(X509KeyManager delegate, TokenBackedConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    private boolean online() {
        try {
            connection.privateKey(KeyRef.byLabel(SoftHsmFixture.EC_256));
            return true;
        } catch (HsmException e) {
            return false;
        }
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return online() ? delegate.chooseServerAlias(keyType, issuers, socket) : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return online() ? delegate.getServerAliases(keyType, issuers) : null;
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
        return online() ? delegate.getPrivateKey(alias) : null;
    }
}
