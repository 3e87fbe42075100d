package io.hsmgate.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forwarding filter and the authorized keys, with keys made by OpenSSH's ssh-keygen. */
class ForwardingAndKeysTest {

    private final BackendOnlyForwarding filter = new BackendOnlyForwarding("backend.local", 8080);

    @Test
    void onlyDirectConnectionsToTheOneBackendAreAllowed() {
        assertTrue(filter.canConnect(TcpForwardingFilter.Type.Direct, new SshdSocketAddress("backend.local", 8080), null));
        assertTrue(filter.canConnect(TcpForwardingFilter.Type.Direct, new SshdSocketAddress("BACKEND.local", 8080), null));
        assertFalse(filter.canConnect(TcpForwardingFilter.Type.Direct, new SshdSocketAddress("backend.local", 8081), null));
        assertFalse(filter.canConnect(TcpForwardingFilter.Type.Direct, new SshdSocketAddress("127.0.0.1", 8080), null));
        assertFalse(filter.canConnect(TcpForwardingFilter.Type.Forwarded, new SshdSocketAddress("backend.local", 8080), null));
        assertFalse(filter.canListen(new SshdSocketAddress("0.0.0.0", 8080), null));
        assertFalse(filter.canForwardAgent(null, "auth-agent-req@openssh.com"));
        assertFalse(filter.canForwardX11(null, "x11-req"));
    }

    @Test
    void authorizedKeysFromSshKeygenAreAcceptedAndOthersAreNot(@TempDir Path dir) throws Exception {
        String ecdsa = keygen(dir, "ecdsa", "a");
        String rsa = keygen(dir, "rsa", "b");
        String other = keygen(dir, "ecdsa", "c");
        AuthorizedKeys keys = AuthorizedKeys.parse("test", List.of(ecdsa, "ssh-rsa not-a-key", rsa));
        assertEquals(2, keys.size(), "the unusable line is skipped");
        assertTrue(keys.authenticate("anyone", key(ecdsa), null));
        assertTrue(keys.authenticate("anyone", key(rsa), null));
        assertFalse(keys.authenticate("anyone", key(other), null));
        assertEquals("none of the 1 authorized keys can be used", assertThrows(IllegalArgumentException.class,
                () -> AuthorizedKeys.parse("test", List.of("ssh-rsa AAAA"))).getMessage());
    }

    static String keygen(Path dir, String type, String name) throws Exception {
        Path file = dir.resolve(name);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name + "@test", "-f",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return Files.readString(dir.resolve(name + ".pub")).strip();
    }

    private static PublicKey key(String line) throws Exception {
        return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
    }
}
