package io.hsmgate.runtime.internal;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmKeyManagers;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSSE key manager that always uses the connection's current session pool: the HSM key is looked up
 * again after a restart, so a proxy's TLS listener survives it. While the connection does not serve, it
 * offers no key and the handshake fails cleanly.
 */
final class RoutingKeyManager extends X509ExtendedKeyManager {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingKeyManager.class);

    private record Delegate(Generation generation, X509ExtendedKeyManager manager) {
    }

    private final RunningConnectionService connection;
    private final String alias;
    private final KeyRef key;
    private final X509Certificate[] chain;
    private volatile Delegate delegate;
    private volatile String lastProblem; // a failing HSM would otherwise log the same warning on every handshake

    RoutingKeyManager(RunningConnectionService connection, String alias, KeyRef key, X509Certificate[] chain) {
        this.connection = connection;
        this.alias = alias;
        this.key = key;
        this.chain = chain.clone();
    }

    private X509ExtendedKeyManager delegate() {
        Generation g = connection.generation();
        if (g == null) {
            return null;
        }
        Delegate d = delegate;
        if (d != null && d.generation() == g) {
            return d.manager();
        }
        try {
            HsmPrivateKey privateKey = g.connection().privateKey(key);
            X509ExtendedKeyManager manager = (X509ExtendedKeyManager) HsmKeyManagers.forKey(alias, privateKey, chain);
            delegate = new Delegate(g, manager);
            lastProblem = null;
            return manager;
        } catch (HsmException | RuntimeException e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                LOG.warn("HSM connection '{}': {} is not available for TLS: {}", connection.name(), key, problem);
            }
            return null;
        }
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        X509ExtendedKeyManager d = delegate();
        return d == null ? null : d.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        X509ExtendedKeyManager d = delegate();
        return d == null ? null : d.chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        X509ExtendedKeyManager d = delegate();
        return d == null ? null : d.chooseEngineClientAlias(keyType, issuers, engine);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        X509ExtendedKeyManager d = delegate();
        return d == null ? null : d.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        X509ExtendedKeyManager d = delegate();
        return d == null ? null : d.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        X509ExtendedKeyManager d = delegate();
        return d == null ? null : d.chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public X509Certificate[] getCertificateChain(String requested) {
        return alias.equals(requested) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String requested) {
        X509ExtendedKeyManager d = delegate();
        return d == null ? null : d.getPrivateKey(requested);
    }
}
