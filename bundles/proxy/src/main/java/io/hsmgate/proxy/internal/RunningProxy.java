package io.hsmgate.proxy.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hsmgate.model.ProxyServer;
import io.hsmgate.proxy.ProxyServerStatus;
import io.hsmgate.proxy.ProxyServerStatus.State;

/** One proxy server of the running revision: its listeners while its connection runs, or why it has none. */
final class RunningProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningProxy.class);

    private final ProxySpec spec;
    private final State state;
    private final String reason;
    private final TlsEndpoint tls;
    private final SshEndpoint ssh;
    private final ListenerCounters tlsCounters;
    private final ListenerCounters sshCounters;

    private RunningProxy(ProxySpec spec, State state, String reason, TlsEndpoint tls, SshEndpoint ssh,
            ListenerCounters tlsCounters, ListenerCounters sshCounters) {
        this.spec = spec;
        this.state = state;
        this.reason = reason;
        this.tls = tls;
        this.ssh = ssh;
        this.tlsCounters = tlsCounters;
        this.sshCounters = sshCounters;
    }

    /**
     * Starts the listeners of {@code spec}; never throws: a proxy that cannot start is returned FAILED with the
     * reason, and whatever it had opened is closed again.
     *
     * @param counters the counters of a listener by its log name, kept across restarts
     */
    static RunningProxy start(ProxySpec spec, Credentials credentials, ExecutorService workers,
            Function<String, ListenerCounters> counters) {
        ProxyServer proxy = spec.proxy();
        String tlsName = "proxy server '" + proxy.name() + "' TLS listener";
        String sshName = "proxy server '" + proxy.name() + "' SSH listener";
        ListenerCounters tlsCounters = proxy.tlsListener() == null ? null : counters.apply(proxy.id() + "/tls");
        ListenerCounters sshCounters = proxy.sshListener() == null ? null : counters.apply(proxy.id() + "/ssh");
        if (spec.connection() == null) {
            return new RunningProxy(spec, State.WAITING_FOR_CONNECTION, "HSM connection " + proxy.hsmConnectionId()
                    + " is not running", null, null, tlsCounters, sshCounters);
        }
        TlsEndpoint tls = null;
        SshEndpoint ssh = null;
        String step = tlsName;
        try {
            if (proxy.tlsListener() != null) {
                Credentials.TlsKey key = credentials.tls(spec.certificate(), spec.connection());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[] {new ObservedKeyManager(key.keyManager())}, null, null);
                tls = new TlsEndpoint(proxy.name(), proxy.tlsListener(), context, key.check(), spec.limits(), workers,
                        tlsCounters);
                tls.start();
            }
            step = sshName;
            if (proxy.sshListener() != null) {
                ssh = new SshEndpoint(proxy.name(), proxy.sshListener(),
                        credentials.sshHostKey(spec.hostKey(), spec.connection()), spec.limits(), sshCounters);
                ssh.start();
            }
            return new RunningProxy(spec, State.RUNNING, null, tls, ssh, tlsCounters, sshCounters);
        } catch (IOException | GeneralSecurityException | RuntimeException | LinkageError e) {
            String reason = step + ": " + e.getMessage();
            LOG.warn("{} cannot start: {}", step, e.getMessage());
            closeQuietly(tls);
            closeQuietly(ssh);
            return new RunningProxy(spec, State.FAILED, reason, null, null, tlsCounters, sshCounters);
        }
    }

    ProxySpec spec() {
        return spec;
    }

    State state() {
        return state;
    }

    ProxyServerStatus status() {
        ProxyServer proxy = spec.proxy();
        return new ProxyServerStatus(proxy.id(), proxy.name(), state, reason,
                tlsCounters == null ? null : tls != null ? tls.status()
                        : tlsCounters.status(proxy.tlsListener().bindHost() + ":" + proxy.tlsListener().port(), false),
                sshCounters == null ? null : ssh != null ? ssh.status()
                        : sshCounters.status(proxy.sshListener().bindHost() + ":" + proxy.sshListener().port(), false));
    }

    private static void closeQuietly(AutoCloseable endpoint) {
        if (endpoint != null) {
            try {
                endpoint.close();
            } catch (Exception e) {
                LOG.debug("closing after a failed start: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(tls);
        closeQuietly(ssh);
    }
}
