package io.hsmgate.proxy;

import java.util.UUID;

/**
 * One proxy server as it runs: {@code state} and why ({@code reason}), and its listeners when configured.
 *
 * @param tls the TLS listener, or null when the proxy server has none
 * @param ssh the SSH listener, or null when the proxy server has none
 */
public record ProxyServerStatus(UUID id, String name, State state, String reason, ListenerStatus tls,
        ListenerStatus ssh) {

    public enum State {
        /** Its listeners accept connections. */
        RUNNING,
        /** Its HSM connection is not RUNNING, so its listeners are closed until it is. */
        WAITING_FOR_CONNECTION,
        /** It cannot start (address in use, credential missing, ...); {@code reason} says why; retried. */
        FAILED
    }
}
