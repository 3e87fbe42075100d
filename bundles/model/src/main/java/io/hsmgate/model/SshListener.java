package io.hsmgate.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The SSH listener of a proxy server (JSON object {@code sshListener}): an SSH server on {@code bindHost}:
 * {@code port} whose host key is the proxy's SSH host key. Clients authenticate with one of
 * {@code authorizedKeys} (OpenSSH public key lines: {@code type base64 [comment]}) and may only open
 * direct-tcpip channels to {@code backendHost}:{@code backendPort} ({@code ssh -W}, {@code ssh -L}). As input, a
 * missing {@code bindHost} means 127.0.0.1; a stored listener always has every field, keys normalised to
 * single spaces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SshListener(
        String bindHost,
        Integer port,
        List<String> authorizedKeys,
        String backendHost,
        Integer backendPort) {

    public SshListener {
        authorizedKeys = authorizedKeys == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(authorizedKeys));
    }
}
