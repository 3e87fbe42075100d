package io.hsmgate.runtime.internal;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.runtime.RunningHsmConnection;
import java.security.cert.X509Certificate;
import java.util.UUID;
import javax.net.ssl.X509KeyManager;

/**
 * The object registered as a {@link RunningHsmConnection}. Every call is admitted to the supervisor's
 * current generation; if that generation starts draining in between, the call moves on to the new one.
 */
final class RunningConnectionService implements RunningHsmConnection {

    /** Work against one generation's token connection. */
    @FunctionalInterface
    interface GenerationWork<T> {
        T run(TokenConnection connection) throws HsmException;
    }

    private final ConnectionSupervisor supervisor;

    RunningConnectionService(ConnectionSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public UUID id() {
        return supervisor.id();
    }

    @Override
    public String name() {
        return supervisor.settings().name();
    }

    @Override
    public byte[] sign(KeyRef key, SigningMechanism mechanism, byte[] hash) throws HsmException {
        long start = System.nanoTime();
        try {
            byte[] signature = call(c -> {
                HsmPrivateKey privateKey = c.privateKey(key);
                return c.withSession(session -> session.sign(privateKey, mechanism, hash));
            });
            supervisor.metrics().signed(System.nanoTime() - start);
            return signature;
        } catch (HsmException e) {
            supervisor.metrics().failed(e.returnValueName());
            throw e;
        }
    }

    @Override
    public HsmPrivateKey privateKey(KeyRef key) throws HsmException {
        return call(c -> c.privateKey(key));
    }

    @Override
    public X509Certificate certificate(KeyRef ref) throws HsmException {
        return call(c -> c.certificate(ref));
    }

    @Override
    public X509KeyManager keyManager(String alias, KeyRef key, X509Certificate... chain) {
        return new RoutingKeyManager(this, alias, key, chain);
    }

    /** @return the generation calls go to now, or null when the connection does not serve */
    Generation generation() {
        return supervisor.current();
    }

    <T> T call(GenerationWork<T> work) throws HsmException {
        while (true) {
            Generation g = supervisor.current();
            if (g == null) {
                throw new HsmOfflineException("HSM connection '" + name() + "' is " + supervisor.status().state()
                        + ": " + supervisor.status().reason(), null);
            }
            if (g.tryEnter()) {
                try {
                    return work.run(g.connection());
                } catch (HsmException e) {
                    supervisor.callFailed(g, e);
                    throw e;
                } finally {
                    g.exit();
                }
            }
            Thread.onSpinWait(); // g drains after a newer generation became current: read it again
        }
    }

    @Override
    public String toString() {
        return "RunningHsmConnection[" + name() + "]";
    }
}
