package io.hsmgate.proxy.internal;

/** An immutable snapshot of {@link ProxyLimits}, so a listener keeps the limits it started with. */
record Limits(int maxConnectionsPerListener, int maxThreads, int handshakeTimeoutMillis, int idleTimeoutMillis,
        int reconcileIntervalSeconds) {

    static Limits of(ProxyLimits c) {
        return new Limits(c.maxConnectionsPerListener(), c.maxThreads(), c.handshakeTimeoutSeconds() * 1000,
                c.idleTimeoutSeconds() * 1000, c.reconcileIntervalSeconds());
    }

    static Limits defaults() {
        return new Limits(200, 400, 10_000, 300_000, 15);
    }
}
