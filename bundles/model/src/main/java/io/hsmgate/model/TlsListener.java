package io.hsmgate.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The TLS listener of a proxy server (JSON object {@code tlsListener}): it accepts TLS on {@code bindHost}:
 * {@code port}, presents the proxy's TLS certificate, signs the handshake with that certificate's key and relays
 * the plain bytes to {@code backendHost}:{@code backendPort}. As input, a missing {@code bindHost} means
 * 127.0.0.1 and missing {@code protocols} mean both "TLSv1.2" and "TLSv1.3"; a stored listener always has
 * every field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TlsListener(
        String bindHost,
        Integer port,
        String backendHost,
        Integer backendPort,
        List<String> protocols) {

    public static final String TLS_1_2 = "TLSv1.2";
    public static final String TLS_1_3 = "TLSv1.3";

    public TlsListener {
        protocols = protocols == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(protocols));
    }
}
