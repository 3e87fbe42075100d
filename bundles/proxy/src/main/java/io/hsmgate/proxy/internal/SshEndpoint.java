package io.hsmgate.proxy.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.DirectTcpipFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hsmgate.model.SshListener;
import io.hsmgate.proxy.ListenerStatus;

/**
 * An SSH listener: a MINA SSHD server whose host key signs in the HSM, public-key authentication against the
 * configured keys, and direct-tcpip channels to the one backend as its only service. No session channel is
 * offered, so shell, exec, subsystems (sftp) and agent or X11 requests have nothing to run in.
 */
final class SshEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshEndpoint.class);

    private final String name;
    private final SshListener listener;
    private final ListenerCounters counters;
    private final SshServer server;
    private volatile boolean running;

    /**
     * @throws GeneralSecurityException if the host key cannot be read
     * @throws IllegalArgumentException if no authorized key can be used
     */
    SshEndpoint(String name, SshListener listener, HostKeySource hostKey, Limits limits, ListenerCounters counters)
            throws GeneralSecurityException {
        this.name = name;
        this.listener = listener;
        this.counters = counters;
        AuthorizedKeys authorized = AuthorizedKeys.parse("proxy server '" + name + "' SSH listener",
                listener.authorizedKeys());
        HsmHostKeys hostKeys = new HsmHostKeys(hostKey, counters);
        server = SshServer.setUpDefaultServer();
        server.setHost(listener.bindHost());
        server.setPort(listener.port());
        server.setKeyPairProvider(hostKeys);
        server.setSignatureFactories(HsmRoutedSignatures.factories());
        server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        server.setPublickeyAuthenticator(authorized);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setShellFactory(null);
        server.setCommandFactory(null);
        server.setSubsystemFactories(List.of());
        server.setChannelFactories(List.of(DirectTcpipFactory.INSTANCE));
        server.setForwardingFilter(new BackendOnlyForwarding(listener.backendHost(), listener.backendPort()));
        CoreModuleProperties.AUTH_TIMEOUT.set(server, Duration.ofMillis(limits.handshakeTimeoutMillis()));
        CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ofMillis(limits.idleTimeoutMillis()));
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "hsmgate");
        server.addSessionListener(new Counting(limits.maxConnectionsPerListener()));
        LOG.debug("proxy server '{}': SSH host key {}, {} authorized keys", name, hostKeys.keyType(), authorized.size());
    }

    /** @throws IOException if the address cannot be bound */
    void start() throws IOException {
        server.start();
        running = true;
        LOG.info("proxy server '{}': SSH listener on {} forwards only to {}:{}", name, address(),
                listener.backendHost(), listener.backendPort());
    }

    String address() {
        return listener.bindHost() + ":" + listener.port();
    }

    ListenerStatus status() {
        return counters.status(address(), running && server.isStarted());
    }

    /** Counts sessions, refuses those over the limit, and counts authentications as handshakes. */
    private final class Counting implements SessionListener {
        private final int max;
        private final AtomicInteger active = new AtomicInteger();

        Counting(int max) {
            this.max = max;
        }

        @Override
        public void sessionCreated(Session session) {
            counters.accepted();
            if (active.incrementAndGet() > max) {
                counters.refused();
                session.close(true);
            }
        }

        @Override
        public void sessionEvent(Session session, Event event) {
            if (event == Event.Authenticated) {
                counters.handshakeCompleted();
            }
        }

        @Override
        public void sessionClosed(Session session) {
            active.decrementAndGet();
            if (!session.isAuthenticated()) {
                counters.handshakeFailed("SSH session closed before authentication");
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("proxy server '{}': stopping the SSH listener on {}: {}", name, address(), e.getMessage());
        }
        LOG.info("proxy server '{}': SSH listener on {} closed", name, address());
    }
}
