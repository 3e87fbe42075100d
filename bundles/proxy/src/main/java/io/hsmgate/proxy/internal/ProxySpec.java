package io.hsmgate.proxy.internal;

import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.runtime.RunningHsmConnection;

/**
 * Everything a running proxy server was started from. Two specs differ exactly when the proxy must restart:
 * an edited proxy, certificate or host key (their versions change), another connection service (the
 * connection stopped and started again) or new limits.
 *
 * @param connection the running connection, or null while the proxy's HSM connection is not RUNNING
 */
record ProxySpec(ProxyServer proxy, TlsCertificate certificate, SshPrivateKey hostKey,
        RunningHsmConnection connection, Limits limits) {

    boolean hasListeners() {
        return proxy.tlsListener() != null || proxy.sshListener() != null;
    }
}
