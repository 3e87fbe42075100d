package io.hsmgate.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A pushed, numbered, immutable configuration: what the runtime applies. Revision 0 is the empty configuration
 * before the first push ({@code pushedAt} and {@code pushedBy} null).
 */
public record RunningRevision(
        long number,
        Instant pushedAt,
        Actor pushedBy,
        List<HsmConnection> connections,
        List<SshPrivateKey> privateKeys,
        List<TlsCertificate> tlsCertificates,
        List<ProxyServer> proxyServers) {

    public RunningRevision {
        connections = List.copyOf(connections);
        privateKeys = List.copyOf(privateKeys);
        tlsCertificates = List.copyOf(tlsCertificates);
        proxyServers = List.copyOf(proxyServers);
    }

    public Optional<HsmConnection> connection(UUID id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<HsmConnection> connectionNamed(String name) {
        return connections.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
