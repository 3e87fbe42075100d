package io.hsmgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import com.sun.net.httpserver.HttpServer;
import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.TlsListener;
import io.hsmgate.model.UserType;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.proxy.ProxyServerStatus;
import io.hsmgate.proxy.ProxyServers;
import io.hsmgate.runtime.ConnectionState;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.RunningHsmConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Issue 7 end to end, in the distribution's bundles with a SoftHSM token: proxy servers configured through the
 * ConfigurationService, reached by clients nobody here wrote (openssl s_client, curl, ssh-keyscan, ssh) that
 * talk to a JDK HTTP backend through them. The keys never leave the token.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProxyIT extends FrameworkTest {

    private static final Actor ACTOR = Actor.of("proxy test");
    private static final String BODY = "hello from the backend";
    private static final List<String> LABELS = List.of("rsa2048", "ec256");


    private static HttpServer backend;
    private static UUID connectionId;
    private static final List<ProxyServer> tlsProxies = new ArrayList<>();
    private static ProxyServer sshProxy;
    private static Path keys;

    @Configuration
    public Option[] config() throws Exception {
        String library = SoftHsmTokens.prepare();
        Path dir = Files.createDirectories(Path.of(System.getProperty("hsmgate.itest.dir")));
        List<Option> options = DistributionOptions.of("proxy");
        options.add(frameworkProperty("hsmgate.itest.library").value(library));
        options.add(frameworkProperty("hsmgate.itest.ca").value(SoftHsmCa.writePem(dir).toString()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void a_tlsWithRsaAndEcKeysOnTheTokenForTls12And13() throws Exception {
        setUp();
        for (ProxyServer proxy : tlsProxies) {
            int port = proxy.tlsListener().port();
            String host = proxy.name() + ".hsmgate.test";
            X509Certificate onToken = connection().certificate(KeyRef.byLabel(proxy.name()));
            for (String version : List.of("1.2", "1.3")) {
                Result s = run("GET / HTTP/1.0\r\nHost: x\r\n\r\n", "openssl", "s_client", "-connect", "127.0.0.1:" + port,
                        "-servername", host, "-CAfile", ca(), "-tls" + version.replace('.', '_'), "-showcerts",
                        "-verify_return_error", "-ign_eof");
                assertTrue(proxy.name() + " TLS " + version + ": " + s, s.out().contains("Verify return code: 0 (ok)"));
                assertTrue(proxy.name() + " TLS " + version + ": " + s, s.out().contains("Protocol  : TLSv" + version)
                        || s.out().contains("Protocol: TLSv" + version) || s.out().contains(", TLSv" + version + ","));
                assertTrue(proxy.name() + " relayed the backend's answer: " + s, s.out().contains(BODY));
                assertEquals("the certificate presented is the one on the token", pem(onToken), firstPem(s.out()));

                Result curl = run(null, "curl", "-sS", "--max-time", "20", "--cacert", ca(), "--tlsv" + version,
                        "--tls-max", version, "--resolve", host + ":" + port + ":127.0.0.1", "https://" + host + ":" + port + "/");
                assertEquals("curl TLS " + version + " via " + proxy.name() + ": " + curl, 0, curl.exit());
                assertEquals(BODY, curl.out());
            }
        }
    }

    @Test
    public void b_sshHostKeyInTheHsmForwardingOnlyToTheBackendForAuthorizedKeys() throws Exception {
        setUp();
        int port = sshProxy.sshListener().port();
        String expected = PublicKeyEntry.toString(connection().privateKey(KeyRef.byLabel("ec256")).publicKey());
        Result scan = run(null, "ssh-keyscan", "-p", Integer.toString(port), "127.0.0.1");
        List<String> scanned = scan.out().lines().filter(l -> !l.startsWith("#")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        assertEquals("ssh-keyscan returns exactly the HSM host key: " + scan, List.of("[127.0.0.1]:" + port + " " + expected),
                scanned);

        Result forwarded = ssh(keys.resolve("authorized"), "GET / HTTP/1.0\r\n\r\n", "-W",
                "127.0.0.1:" + backend.getAddress().getPort());
        assertEquals("ssh -W with an authorized key: " + forwarded, 0, forwarded.exit());
        assertTrue(forwarded.toString(), forwarded.out().contains(BODY));

        Result stranger = ssh(keys.resolve("stranger"), "", "-W", "127.0.0.1:" + backend.getAddress().getPort());
        assertEquals(255, stranger.exit());
        assertTrue("an unauthorized key is refused: " + stranger, stranger.err().contains("Permission denied"));

        Result elsewhere = ssh(keys.resolve("authorized"), "", "-W", "127.0.0.1:" + port);
        assertNotEquals("forwarding anywhere but the backend is refused: " + elsewhere, 0, elsewhere.exit());
        assertTrue(elsewhere.toString(), elsewhere.err().contains("open failed"));

        Result shell = ssh(keys.resolve("authorized"), "echo shell-ran\n", "-tt");
        assertNotEquals("a shell request is refused: " + shell, 0, shell.exit());
        assertFalse(shell.toString(), shell.out().contains("shell-ran"));
        Result exec = ssh(keys.resolve("authorized"), "", "echo", "exec-ran");
        assertNotEquals("a command is refused: " + exec, 0, exec.exit());
        assertFalse(exec.toString(), exec.out().contains("exec-ran"));
    }

    @Test
    public void c_stoppingTheConnectionClosesTheListenersAndStartingItReopensThem() throws Exception {
        setUp();
        ProxyServer proxy = tlsProxies.get(1);
        HsmConnectionRuntime runtime = service(HsmConnectionRuntime.class);
        Bundle proxyBundle = bundle("io.hsmgate.proxy");
        long proxyBundleId = proxyBundle.getBundleId();
        assertEquals(0, curl(proxy).exit());

        runtime.stop(connectionId, ACTOR);
        ProxyServerStatus waiting = awaitProxy(proxy.id(), s -> s.state() == ProxyServerStatus.State.WAITING_FOR_CONNECTION);
        assertTrue("the reason is reported: " + waiting, waiting.reason().contains("not running"));
        assertFalse(waiting.tls().listening());
        Result refused = curl(proxy);
        assertEquals("a new connection fails cleanly (connection refused): " + refused, 7, refused.exit());

        runtime.start(connectionId, ACTOR);
        awaitProxy(proxy.id(), s -> s.state() == ProxyServerStatus.State.RUNNING);
        Result again = curl(proxy);
        assertEquals("handshakes work again: " + again, 0, again.exit());
        assertEquals(BODY, again.out());
        assertEquals("the same proxy bundle, never restarted", Bundle.ACTIVE, proxyBundle.getState());
        assertEquals(proxyBundleId, bundle("io.hsmgate.proxy").getBundleId());
        assertTrue("handshakes counted across the outage", awaitProxy(proxy.id(), s -> true).tls().handshakes() >= 2);
    }

    @Test
    public void d_aPushThatMovesAListenerRestartsTheProxy() throws Exception {
        setUp();
        ConfigurationService configuration = service(ConfigurationService.class);
        ProxyServer before = configuration.proxyServer(tlsProxies.get(0).id()).orElseThrow();
        int newPort = freePort();
        TlsListener moved = new TlsListener("127.0.0.1", newPort, "127.0.0.1", backend.getAddress().getPort(),
                List.of("TLSv1.3"));
        ProxyServer after = configuration.updateProxyServer(before.id(), before.version(), new ProxyServerInput(
                before.name(), null, connectionId, before.tlsCertificateId(), null, moved, null), ACTOR);
        configuration.push(ACTOR);
        awaitProxy(after.id(), s -> s.tls() != null && s.tls().address().endsWith(":" + newPort) && s.tls().listening());
        assertEquals(0, curl(after).exit());
        assertEquals("the old port is closed", 7, curl(before).exit());
        tlsProxies.set(0, after);
    }

    @Test
    public void e_stoppingTheProxyBundleLeavesNoThreadOrSocket() throws Exception {
        setUp();
        try {
            stopAndStartTheProxyBundle();
        } finally {
            // Pax Exam runs @AfterClass after every method inside the framework: the backend stops here, last
            backend.stop(0);
        }
    }

    private void stopAndStartTheProxyBundle() throws Exception {
        Bundle proxyBundle = bundle("io.hsmgate.proxy");
        proxyBundle.stop();
        await(() -> proxyThreads().isEmpty(), () -> "threads left after the proxy bundle stopped: " + proxyThreads());
        for (ProxyServer proxy : tlsProxies) {
            assertEquals("listener closed", 7, curl(proxy).exit());
        }
        assertTrue("SSH listener closed", portFree(sshProxy.sshListener().port()));
        proxyBundle.start();
        awaitProxy(tlsProxies.get(1).id(), s -> s.state() == ProxyServerStatus.State.RUNNING);
        assertEquals(0, curl(tlsProxies.get(1)).exit());
    }

    // ---- set-up ----

    private void setUp() throws Exception {
        if (connectionId != null) {
            return;
        }
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        backend.createContext("/", exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        int backendPort = backend.getAddress().getPort();

        keys = Files.createTempDirectory("proxy-it-keys");
        keygen("authorized");
        keygen("stranger");

        ConfigurationService configuration = service(ConfigurationService.class);
        connectionId = configuration.createConnection(new HsmConnectionInput("proxy softhsm", null,
                context.getProperty("hsmgate.itest.library"), null, "hsmgate-a", null, true, "1234".toCharArray(),
                UserType.USER, 4, 10, "softhsm"), ACTOR).id();
        for (String label : LABELS) {
            UUID certificate = configuration.createTlsCertificate(new TlsCertificateInput(label, null, true, connectionId,
                    null, label, null, null), ACTOR).id();
            tlsProxies.add(configuration.createProxyServer(new ProxyServerInput(label, null, connectionId, certificate,
                    null, new TlsListener("127.0.0.1", freePort(), "127.0.0.1", backendPort, null), null), ACTOR));
        }
        UUID hostKey = configuration.createPrivateKey(new PrivateKeyInput("ssh host key", null, true, connectionId, null,
                "ec256", null), ACTOR).id();
        sshProxy = configuration.createProxyServer(new ProxyServerInput("ssh", null, connectionId, null, hostKey, null,
                new SshListener("127.0.0.1", freePort(), List.of(Files.readString(keys.resolve("authorized.pub"))),
                        "127.0.0.1", backendPort)), ACTOR);
        configuration.push(ACTOR);
        service(HsmConnectionRuntime.class).start(connectionId, ACTOR);
        await(() -> service(HsmConnectionRuntime.class).connection(connectionId)
                .filter(o -> o.status().state() == ConnectionState.RUNNING).isPresent(), () -> "connection not running");
        for (ProxyServer proxy : tlsProxies) {
            awaitProxy(proxy.id(), s -> s.state() == ProxyServerStatus.State.RUNNING);
        }
        awaitProxy(sshProxy.id(), s -> s.state() == ProxyServerStatus.State.RUNNING);
    }

    private void keygen(String name) throws Exception {
        Result r = run(null, "ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", name, "-f", keys.resolve(name).toString());
        assertEquals(r.toString(), 0, r.exit());
    }

    // ---- clients ----

    record Result(int exit, String out, String err) {
    }

    private static Result run(String input, String... command) throws Exception {
        Path out = Files.createTempFile("proxy-it", ".out");
        Path err = Files.createTempFile("proxy-it", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 30 s: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Result ssh(Path key, String input, String... rest) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-i", key.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=10", "-p", Integer.toString(sshProxy.sshListener().port()), "proxyuser@127.0.0.1"));
        command.addAll(List.of(rest));
        return run(input, command.toArray(new String[0]));
    }

    private Result curl(ProxyServer proxy) throws Exception {
        String host = proxy.name() + ".hsmgate.test";
        int port = proxy.tlsListener().port();
        return run(null, "curl", "-sS", "--max-time", "20", "--cacert", ca(), "--resolve", host + ":" + port + ":127.0.0.1",
                "https://" + host + ":" + port + "/");
    }

    private String ca() {
        return context.getProperty("hsmgate.itest.ca");
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }

    private static String firstPem(String text) {
        int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
        int end = text.indexOf("-----END CERTIFICATE-----");
        if (begin < 0 || end < begin) {
            return "";
        }
        return text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end).replaceAll("\\s", "");
    }

    // ---- framework ----

    private RunningHsmConnection connection() throws Exception {
        return service(RunningHsmConnection.class);
    }

    private ProxyServerStatus awaitProxy(UUID id, Predicate<ProxyServerStatus> condition) throws Exception {
        ProxyServerStatus[] last = new ProxyServerStatus[1];
        await(() -> {
            ProxyServers servers = optionalService(ProxyServers.class);
            last[0] = servers == null ? null : servers.server(id).orElse(null);
            return last[0] != null && condition.test(last[0]);
        }, () -> "proxy server " + id + " not as expected; last seen: " + last[0]);
        return last[0];
    }

    private static List<String> proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("hsmgate-proxy") || n.startsWith("sshd-")).sorted().collect(Collectors.toList());
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
