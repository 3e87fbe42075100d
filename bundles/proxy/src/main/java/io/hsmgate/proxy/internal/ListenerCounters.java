package io.hsmgate.proxy.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hsmgate.proxy.ListenerStatus;

/**
 * Counters of one listener. A handshake that fails because the HSM cannot sign is logged once per outage, with
 * its reason, and counted every time: a busy listener must not flood the log while its HSM is away.
 */
final class ListenerCounters {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerCounters.class);

    private final String listener;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong hsmUnavailable = new AtomicLong();
    private final AtomicBoolean inOutage = new AtomicBoolean();
    private volatile String lastFailure;

    /** @param listener how logs name it, e.g. "proxy server 'web' TLS listener 127.0.0.1:8443" */
    ListenerCounters(String listener) {
        this.listener = listener;
    }

    void accepted() {
        accepted.incrementAndGet();
    }

    void refused() {
        refused.incrementAndGet();
    }

    void handshakeCompleted() {
        handshakes.incrementAndGet();
        if (inOutage.compareAndSet(true, false)) {
            LOG.info("{}: handshakes sign in the HSM again", listener);
        }
    }

    void handshakeFailed(String reason) {
        failed.incrementAndGet();
        lastFailure = reason;
        LOG.debug("{}: handshake failed: {}", listener, reason);
    }

    void hsmUnavailable(String reason) {
        failed.incrementAndGet();
        hsmUnavailable.incrementAndGet();
        lastFailure = "HSM unavailable: " + reason;
        if (inOutage.compareAndSet(false, true)) {
            LOG.warn("{}: handshakes fail because the HSM key cannot be used: {} (logged once until a handshake"
                    + " succeeds again; every failure is counted)", listener, reason);
        }
    }

    ListenerStatus status(String address, boolean listening) {
        return new ListenerStatus(address, listening, accepted.get(), refused.get(), handshakes.get(), failed.get(),
                hsmUnavailable.get(), lastFailure);
    }
}
