package io.hsmgate.proxy.internal;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;

/**
 * Lets a client open direct-tcpip channels ({@code ssh -W}, {@code ssh -L}) to exactly one backend host and
 * port, and nothing else: no remote forwarding, no agent or X11 forwarding. The host is compared as written
 * (ignoring case), so a client cannot reach another service by naming the backend's address differently.
 */
record BackendOnlyForwarding(String backendHost, int backendPort) implements ForwardingFilter {

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        return type == Type.Direct && address.getPort() == backendPort
                && backendHost.equalsIgnoreCase(address.getHostName());
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return false;
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return false;
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }
}
