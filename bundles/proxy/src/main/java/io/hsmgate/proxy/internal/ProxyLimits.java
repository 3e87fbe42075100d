package io.hsmgate.proxy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the proxy listeners, editable in the Web Console's configuration page (PID io.hsmgate.proxy). */
@ObjectClassDefinition(name = "hsmgate proxy servers",
        description = "Limits and timeouts of the TLS and SSH listeners of hsmgate's proxy servers.")
@interface ProxyLimits {

    @AttributeDefinition(name = "Maximum connections per listener",
            description = "Connections beyond this are closed at once and counted as refused. Each TLS connection"
                    + " uses two threads while it relays.", min = "1", max = "10000")
    int maxConnectionsPerListener() default 200;

    @AttributeDefinition(name = "Maximum relay threads",
            description = "All TLS listeners together never use more threads than this (two per connection).",
            min = "2", max = "20000")
    int maxThreads() default 400;

    @AttributeDefinition(name = "Handshake timeout (seconds)",
            description = "A client that has not finished its TLS handshake or SSH authentication by then is"
                    + " disconnected; also the backend connect timeout.", min = "1", max = "600")
    int handshakeTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Idle timeout (seconds)",
            description = "A relayed connection with no byte in either direction for this long is closed.",
            min = "1", max = "86400")
    int idleTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Reconcile interval (seconds)",
            description = "How often proxy servers that failed to start (e.g. address in use) are retried.",
            min = "1", max = "3600")
    int reconcileIntervalSeconds() default 15;
}
