package io.hsmgate.model.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsListener;

/**
 * Validates and normalises the listeners of a proxy server. Field names in errors are JSON paths such as
 * {@code tlsListener.port} or {@code sshListener.authorizedKeys[1]}, so a form can mark the exact input.
 */
final class ListenerRules {

    static final String DEFAULT_BIND_HOST = "127.0.0.1";
    static final List<String> PROTOCOLS = List.of(TlsListener.TLS_1_2, TlsListener.TLS_1_3);
    static final int MAX_AUTHORIZED_KEYS = 1000;
    private static final int MAX_HOST_LENGTH = 253;
    /** Host names (RFC 1123 labels), IPv4 and IPv6 literals; no spaces, schemes, ports or paths. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?"
            + "|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9]+)?");

    private ListenerRules() {
    }

    static TlsListener tls(TlsListener in, boolean hasCertificate, FieldErrors errors) {
        if (in == null) {
            return null;
        }
        String f = "tlsListener";
        if (!hasCertificate) {
            errors.add(f, "a TLS listener needs tlsCertificateId: the certificate it presents");
        }
        String bindHost = bindHost(in.bindHost(), f, errors);
        Integer port = port(in.port(), f + ".port", "port", errors);
        String backendHost = requiredHost(in.backendHost(), f + ".backendHost", "backendHost", errors);
        Integer backendPort = port(in.backendPort(), f + ".backendPort", "backendPort", errors);
        List<String> protocols = protocols(in.protocols(), errors);
        return new TlsListener(bindHost, port, backendHost, backendPort, protocols);
    }

    static SshListener ssh(SshListener in, boolean hasHostKey, FieldErrors errors) {
        if (in == null) {
            return null;
        }
        String f = "sshListener";
        if (!hasHostKey) {
            errors.add(f, "an SSH listener needs sshHostKeyId: the private key that is its host key");
        }
        String bindHost = bindHost(in.bindHost(), f, errors);
        Integer port = port(in.port(), f + ".port", "port", errors);
        List<String> keys = authorizedKeys(in.authorizedKeys(), errors);
        String backendHost = requiredHost(in.backendHost(), f + ".backendHost", "backendHost", errors);
        Integer backendPort = port(in.backendPort(), f + ".backendPort", "backendPort", errors);
        return new SshListener(bindHost, port, keys, backendHost, backendPort);
    }

    /**
     * Two listeners cannot share an address: checks the proxy's own pair and every other proxy server of the
     * candidate (0.0.0.0 and :: overlap every address).
     */
    static void checkAddressesFree(UUID self, TlsListener tls, SshListener ssh, Map<String, ProxyServer> others,
            FieldErrors errors) {
        if (tls != null && ssh != null && tls.port() != null && tls.port().equals(ssh.port())
                && overlaps(tls.bindHost(), ssh.bindHost())) {
            errors.add("sshListener.port", "port " + ssh.port() + " is already the TLS listener's port on "
                    + tls.bindHost());
        }
        for (ProxyServer other : others.values()) {
            if (other.id().equals(self)) {
                continue;
            }
            checkFree("tlsListener.port", tls == null ? null : tls.bindHost(), tls == null ? null : tls.port(),
                    other, errors);
            checkFree("sshListener.port", ssh == null ? null : ssh.bindHost(), ssh == null ? null : ssh.port(),
                    other, errors);
        }
    }

    private static void checkFree(String field, String host, Integer port, ProxyServer other, FieldErrors errors) {
        if (port == null) {
            return;
        }
        List<String> used = new ArrayList<>();
        if (other.tlsListener() != null && port.equals(other.tlsListener().port())
                && overlaps(host, other.tlsListener().bindHost())) {
            used.add("TLS");
        }
        if (other.sshListener() != null && port.equals(other.sshListener().port())
                && overlaps(host, other.sshListener().bindHost())) {
            used.add("SSH");
        }
        if (!used.isEmpty()) {
            errors.add(field, "port " + port + " on " + host + " is already used by the " + String.join(" and ", used)
                    + " listener of proxy server " + Texts.quoted(other.name()));
        }
    }

    private static boolean overlaps(String a, String b) {
        return a.equalsIgnoreCase(b) || isWildcard(a) || isWildcard(b);
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String bindHost(String raw, String listener, FieldErrors errors) {
        String host = Texts.optional(raw);
        if (host == null) {
            return DEFAULT_BIND_HOST;
        }
        checkHost(host, listener + ".bindHost", "bindHost", errors);
        return host;
    }

    private static String requiredHost(String raw, String field, String name, FieldErrors errors) {
        String host = Texts.optional(raw);
        if (host == null) {
            errors.add(field, name + " is required");
            return null;
        }
        checkHost(host, field, name, errors);
        return host;
    }

    private static void checkHost(String host, String field, String name, FieldErrors errors) {
        if (host.length() > MAX_HOST_LENGTH || !HOST.matcher(host).matches()) {
            errors.add(field, name + " must be a host name or an IP address without port or scheme; got "
                    + Texts.quoted(host.length() > 60 ? host.substring(0, 60) + "..." : host));
        }
    }

    private static Integer port(Integer port, String field, String name, FieldErrors errors) {
        if (port == null) {
            errors.add(field, name + " is required");
        } else if (port < 1 || port > 65535) {
            errors.add(field, name + " must be between 1 and 65535; got " + port);
        }
        return port;
    }

    private static List<String> protocols(List<String> raw, FieldErrors errors) {
        if (raw == null) {
            return PROTOCOLS;
        }
        Set<String> given = new LinkedHashSet<>();
        for (String p : raw) {
            String protocol = Texts.optional(p);
            if (protocol == null || !PROTOCOLS.contains(protocol)) {
                errors.add("tlsListener.protocols", "protocols may contain " + String.join(" and ", PROTOCOLS)
                        + "; got " + (protocol == null ? "an empty entry" : Texts.quoted(protocol)));
            } else {
                given.add(protocol);
            }
        }
        if (raw.isEmpty()) {
            errors.add("tlsListener.protocols", "protocols needs at least one of " + String.join(", ", PROTOCOLS));
        }
        return PROTOCOLS.stream().filter(given::contains).toList(); // canonical order, no duplicates
    }

    private static List<String> authorizedKeys(List<String> raw, FieldErrors errors) {
        String field = "sshListener.authorizedKeys";
        if (raw == null || raw.isEmpty()) {
            errors.add(field, "authorizedKeys needs at least one OpenSSH public key: without one no client can log in");
            return List.of();
        }
        if (raw.size() > MAX_AUTHORIZED_KEYS) {
            errors.add(field, "authorizedKeys has at most " + MAX_AUTHORIZED_KEYS + " keys; got " + raw.size());
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String entry = field + "[" + i + "]";
            try {
                String key = OpenSshPublicKeys.normalise(raw.get(i));
                String[] parts = key.split(" ", 3);
                if (!seen.add(parts[0] + " " + parts[1])) {
                    errors.add(entry, "the key at authorizedKeys[" + i + "] is given twice");
                }
                keys.add(key);
            } catch (OpenSshPublicKeys.BadKeyException e) {
                errors.add(entry, "the key at authorizedKeys[" + i + "] " + e.getMessage());
            }
        }
        return keys;
    }
}
