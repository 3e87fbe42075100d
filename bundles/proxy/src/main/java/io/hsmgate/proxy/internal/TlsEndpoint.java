package io.hsmgate.proxy.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hsmgate.model.TlsListener;
import io.hsmgate.proxy.ListenerStatus;

/**
 * A TLS listener: accepts on its own thread, hands every connection to the shared worker pool, which runs the
 * handshake (signed by the key manager, i.e. in the HSM), connects to the backend and relays. Closing it closes
 * the server socket and every connection it accepted.
 */
final class TlsEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsEndpoint.class);

    private final String name;
    private final TlsListener listener;
    private final SSLContext context;
    private final KeyCheck keyCheck;
    private final Limits limits;
    private final ExecutorService workers;
    private final ListenerCounters counters;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private SSLServerSocket server;
    private Thread acceptor;
    private volatile boolean closed;

    TlsEndpoint(String name, TlsListener listener, SSLContext context, KeyCheck keyCheck, Limits limits,
            ExecutorService workers, ListenerCounters counters) {
        this.name = name;
        this.listener = listener;
        this.context = context;
        this.keyCheck = keyCheck;
        this.limits = limits;
        this.workers = workers;
        this.counters = counters;
        this.slots = new Semaphore(limits.maxConnectionsPerListener());
    }

    /** Binds and starts accepting. @throws IOException if the address cannot be bound */
    void start() throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.setEnabledProtocols(listener.protocols().toArray(new String[0]));
            socket.setNeedClientAuth(false);
            socket.bind(new InetSocketAddress(listener.bindHost(), listener.port()), 128);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        server = socket;
        acceptor = new Thread(this::acceptLoop, "hsmgate-proxy-tls-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("proxy server '{}': TLS listener on {} ({}) relays to {}", name, address(),
                String.join(", ", listener.protocols()), listener.backendHost() + ":" + listener.backendPort());
    }

    String address() {
        return listener.bindHost() + ":" + listener.port();
    }

    ListenerStatus status() {
        return counters.status(address(), server != null && !closed);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("proxy server '{}': TLS listener {} stopped accepting: {}", name, address(), e.getMessage());
                }
                return;
            }
            counters.accepted();
            if (!slots.tryAcquire()) {
                counters.refused();
                Relay.closeQuietly(socket);
                continue;
            }
            open.add(socket);
            try {
                workers.execute(() -> serve((SSLSocket) socket));
            } catch (RejectedExecutionException e) {
                counters.refused();
                release(socket);
            }
        }
    }

    private void serve(SSLSocket client) {
        Socket backend = null;
        try {
            if (!handshake(client)) {
                return;
            }
            backend = new Socket();
            open.add(backend);
            backend.connect(new InetSocketAddress(listener.backendHost(), listener.backendPort()),
                    limits.handshakeTimeoutMillis());
            new Relay(client, backend, limits.idleTimeoutMillis()).run(workers);
        } catch (IOException e) {
            LOG.debug("proxy server '{}': backend {}:{} not reachable: {}", name, listener.backendHost(),
                    listener.backendPort(), e.getMessage());
        } finally {
            if (backend != null) {
                release(backend);
            }
            release(client);
            slots.release();
        }
    }

    private boolean handshake(SSLSocket client) {
        ObservedKeyManager.begin();
        try {
            client.setSoTimeout(limits.handshakeTimeoutMillis());
            client.startHandshake();
            counters.handshakeCompleted();
            return true;
        } catch (IOException | RuntimeException e) {
            boolean offered = ObservedKeyManager.end();
            classify(e, offered);
            return false;
        } finally {
            ObservedKeyManager.end();
        }
    }

    /** An HSM outage shows as no key offered, or as a signature error from the HSM provider. */
    private void classify(Exception failure, boolean keyOffered) {
        if (closed && failure instanceof SocketException) {
            return; // our own close
        }
        Optional<String> hsmProblem = !keyOffered || causedBySigning(failure) ? keyCheck.problem() : Optional.empty();
        if (hsmProblem.isPresent()) {
            counters.hsmUnavailable(hsmProblem.get());
        } else {
            counters.handshakeFailed(String.valueOf(failure.getMessage()));
        }
    }

    private static boolean causedBySigning(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.security.SignatureException || t instanceof java.security.ProviderException
                    || t.getClass().getName().startsWith("io.hsmgate.pkcs11")) {
                return true;
            }
        }
        return false;
    }

    private void release(Socket socket) {
        open.remove(socket);
        Relay.closeQuietly(socket);
    }

    @Override
    public void close() {
        closed = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.debug("proxy server '{}': closing {}: {}", name, address(), e.getMessage());
            }
        }
        for (Socket socket : open) {
            Relay.closeQuietly(socket);
        }
        if (acceptor != null) {
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("proxy server '{}': TLS listener on {} closed", name, address());
    }
}
