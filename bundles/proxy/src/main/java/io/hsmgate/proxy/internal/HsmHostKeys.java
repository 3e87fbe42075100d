package io.hsmgate.proxy.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;

/**
 * MINA's host key provider over a {@link HostKeySource}. The key type is learnt once at start (the public key
 * does not change); the key pair is fetched for every key exchange. A failure is counted as an HSM outage.
 */
final class HsmHostKeys implements KeyPairProvider {

    private final HostKeySource source;
    private final ListenerCounters counters;
    private final String keyType;

    /** @throws GeneralSecurityException if the host key cannot be read now */
    HsmHostKeys(HostKeySource source, ListenerCounters counters) throws GeneralSecurityException {
        this.source = source;
        this.counters = counters;
        this.keyType = KeyUtils.getKeyType(source.keyPair().getPublic());
    }

    String keyType() {
        return keyType;
    }

    @Override
    public Iterable<String> getKeyTypes(SessionContext session) {
        return List.of(keyType);
    }

    @Override
    public Iterable<KeyPair> loadKeys(SessionContext session) throws GeneralSecurityException {
        try {
            return List.of(source.keyPair());
        } catch (GeneralSecurityException | RuntimeException e) {
            counters.hsmUnavailable(String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
