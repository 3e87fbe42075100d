package io.hsmgate.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hsmgate.model.SshListener;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsListener;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;

/**
 * The SSH and TLS endpoints with keys on a SoftHSM token, BouncyCastle registered first in the JCA and in MINA
 * (so MINA would pick BC for signatures): the HSM key must still sign through the hsmgate provider.
 */
class HsmEndpointsTest {

    private static Pkcs11CoreComponent core;
    private static TokenConnection token;
    private static TokenBackedConnection connection;
    private static ExecutorService workers;

    @BeforeAll
    static void token() throws Exception {
        SoftHsmFixture fixture = SoftHsmFixture.shared();
        Security.insertProviderAt(new BouncyCastleProvider(), 1);
        core = new Pkcs11CoreComponent();
        try (Pkcs11Library library = core.acquire(fixture.library(), null)) {
            token = library.connect(TokenSelector.byLabel(SoftHsmFixture.TOKEN_A),
                    LoginSpec.user(SoftHsmFixture.USER_PIN::toCharArray), PoolSettings.of(4, Duration.ofSeconds(10)));
        }
        connection = new TokenBackedConnection(token);
        workers = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void close() throws Exception {
        workers.shutdownNow();
        token.close();
        core.deactivate();
        // BouncyCastle stays registered: MINA remembers it for the rest of this JVM
    }

    @Test
    void sshKeyscanSeesTheHsmHostKeyWhileBouncyCastleIsRegistered(@TempDir Path dir) throws Exception {
        assertTrue(SecurityUtils.isBouncyCastleRegistered(), "MINA's BouncyCastle registrar is active");
        for (String label : List.of(SoftHsmFixture.EC_256, SoftHsmFixture.RSA_2048)) {
            int port = freePort();
            SshPrivateKey key = new SshPrivateKey(UUID.randomUUID(), label, null, true, connection.id(), null, label,
                    null, Instant.now(), Instant.now(), 1);
            ListenerCounters counters = new ListenerCounters("test ssh " + label);
            String client = ForwardingAndKeysTest.keygen(dir, "ecdsa", "client-" + label);
            try (SshEndpoint ssh = new SshEndpoint("t", new SshListener("127.0.0.1", port, List.of(client),
                    "127.0.0.1", 9), new Credentials(null).sshHostKey(key, connection), Limits.defaults(), counters)) {
                ssh.start();
                String scanned = run("ssh-keyscan", "-p", Integer.toString(port), "127.0.0.1");
                String expected = PublicKeyEntry.toString(connection.privateKey(KeyRef.byLabel(label)).publicKey());
                String line = scanned.lines().filter(l -> !l.startsWith("#")).findFirst().orElse("");
                assertEquals("[127.0.0.1]:" + port + " " + expected, line.strip(), "ssh-keyscan output: " + scanned);
            }
        }
    }

    @Test
    void tlsHandshakesFailCountedWhileTheHsmIsAwayAndWorkAgainAfter() throws Exception {
        KeyRef ref = KeyRef.byLabel(SoftHsmFixture.EC_256);
        TlsCertificate certificate = new TlsCertificate(UUID.randomUUID(), "c", null, true, connection.id(), null,
                SoftHsmFixture.EC_256, null, null, null, Instant.now(), Instant.now(), 1);
        Credentials.TlsKey key = new Credentials(null).tls(certificate, connection);
        // the runtime's key manager looks the key up per handshake; this test's looks it up once, so route by hand
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new ObservedKeyManager(new SwitchableKeyManager(key.keyManager(), connection))},
                null, null);
        ListenerCounters counters = new ListenerCounters("test tls");
        try (ServerSocket backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            workers.execute(() -> echo(backend));
            int port = freePort();
            try (TlsEndpoint tls = new TlsEndpoint("t", new TlsListener("127.0.0.1", port, "127.0.0.1",
                    backend.getLocalPort(), List.of("TLSv1.3")), context, key.check(), Limits.defaults(), workers,
                    counters)) {
                tls.start();
                assertTrue(sClient(port).contains("Verification: OK"));
                assertEquals("ping-through-proxy", javaClientRoundTrip(port, "ping-through-proxy"));
                connection.offline();
                try {
                    assertTrue(!sClient(port).contains("Verification: OK"));
                    awaitStatus(() -> tls.status().hsmUnavailable() == 1, () -> "counted: " + tls.status());
                    assertTrue(tls.status().lastFailure().contains("STOPPED"), tls.status().lastFailure());
                } finally {
                    connection.online(token);
                }
                assertTrue(sClient(port).contains("Verification: OK"));
                awaitStatus(() -> tls.status().handshakes() == 3, () -> "handshakes: " + tls.status());
            }
        }
        assertEquals(ref, KeyRef.byLabel(SoftHsmFixture.EC_256));
    }

    private static void awaitStatus(java.util.function.BooleanSupplier condition,
            java.util.function.Supplier<String> message) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(message.get());
            }
            TimeUnit.MILLISECONDS.sleep(20); // poll interval against the deadline above
        }
    }

    private String sClient(int port) throws Exception {
        Path ca = java.nio.file.Files.createTempFile("ca", ".pem");
        java.nio.file.Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(SoftHsmFixture.shared().caCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return runWithInput("ping-through-proxy\n", "openssl", "s_client", "-connect", "127.0.0.1:" + port, "-CAfile",
                ca.toString(), "-brief");
    }

    /** Sends {@code text}, half-closes (close_notify), and reads the echo to the end. */
    private static String javaClientRoundTrip(int port, String text) throws Exception {
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", SoftHsmFixture.shared().caCertificate());
        trust.init(store);
        SSLContext client = SSLContext.getInstance("TLSv1.3");
        client.init(null, trust.getTrustManagers(), null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) client.getSocketFactory().createSocket(
                "127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void echo(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.getInputStream().transferTo(s.getOutputStream());
            } catch (IOException e) {
                return;
            }
        }
    }

    static String run(String... command) throws Exception {
        return runWithInput(null, command);
    }

    static String runWithInput(String input, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 30 s");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
