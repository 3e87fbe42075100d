package io.hsmgate.proxy.internal;

import java.security.cert.X509Certificate;
import java.util.UUID;

import javax.net.ssl.X509KeyManager;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmKeyManagers;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.runtime.RunningHsmConnection;

/** A running connection over a real token connection, as the runtime would register it, minus the supervisor. */
final class TokenBackedConnection implements RunningHsmConnection {

    private final UUID id = UUID.randomUUID();
    private volatile TokenConnection connection;

    TokenBackedConnection(TokenConnection connection) {
        this.connection = connection;
    }

    /** Simulates an HSM outage: every call fails as the runtime's would while the connection does not serve. */
    void offline() {
        connection = null;
    }

    void online(TokenConnection c) {
        connection = c;
    }

    private TokenConnection current() throws HsmException {
        TokenConnection c = connection;
        if (c == null) {
            throw new HsmOfflineException("HSM connection 'test' is STOPPED", null);
        }
        return c;
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public byte[] sign(KeyRef key, SigningMechanism mechanism, byte[] hash) throws HsmException {
        HsmPrivateKey k = current().privateKey(key);
        return current().withSession(s -> s.sign(k, mechanism, hash));
    }

    @Override
    public HsmPrivateKey privateKey(KeyRef key) throws HsmException {
        return current().privateKey(key);
    }

    @Override
    public X509Certificate certificate(KeyRef ref) throws HsmException {
        return current().certificate(ref);
    }

    @Override
    public X509KeyManager keyManager(String alias, KeyRef key, X509Certificate... chain) {
        try {
            return HsmKeyManagers.forKey(alias, current().privateKey(key), chain);
        } catch (HsmException e) {
            throw new IllegalStateException(e);
        }
    }
}
