package io.hsmgate.model.spi;

import java.time.Instant;
import java.util.List;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ProxyServer;

/** A pushed revision as stored: a copy of the candidate documents, sealed secrets included. */
public record RunningDocument(
        long revision,
        Instant pushedAt,
        Actor pushedBy,
        List<ConnectionDocument> connections,
        List<PrivateKeyDocument> privateKeys,
        List<TlsCertificateDocument> tlsCertificates,
        List<ProxyServer> proxyServers) {

    public RunningDocument {
        connections = List.copyOf(connections);
        privateKeys = List.copyOf(privateKeys);
        tlsCertificates = List.copyOf(tlsCertificates);
        proxyServers = List.copyOf(proxyServers);
    }
}
