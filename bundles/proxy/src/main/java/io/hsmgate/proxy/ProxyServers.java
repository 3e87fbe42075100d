package io.hsmgate.proxy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** The proxy servers of the running revision as the proxy bundle runs them. */
@ProviderType
public interface ProxyServers {

    /** @return every proxy server of the running revision, sorted by name */
    List<ProxyServerStatus> servers();

    /** @return the proxy server of the running revision with this id, if any */
    Optional<ProxyServerStatus> server(UUID id);
}
