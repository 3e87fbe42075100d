package io.hsmgate.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.hsmgate.model.TlsListener;

/** curl through the TLS listener with an in-memory key to an HTTP backend. */
class CurlProbeTest {

    @Test
    void curlGetsTheBackendAnswer(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair pair = g.generateKeyPair();
        X509Certificate cert = SelfSigned.certificate(pair, "localhost");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        backend.createContext("/", x -> {
            byte[] body = "backend-body".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        backend.start();
        ExecutorService workers = Executors.newCachedThreadPool();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new ObservedKeyManager(new FixedKeyManager("a", pair.getPrivate(),
                new X509Certificate[] {cert}))}, null, null);
        int port = HsmEndpointsTest.freePort();
        try (TlsEndpoint tls = new TlsEndpoint("t", new TlsListener("127.0.0.1", port, "127.0.0.1",
                backend.getAddress().getPort(), List.of("TLSv1.2", "TLSv1.3")), context, KeyCheck.SOFTWARE_KEY,
                Limits.defaults(), workers, new ListenerCounters("curl"))) {
            tls.start();
            assertEquals("backend-body", HsmEndpointsTest.run("curl", "-sS", "--max-time", "10", "--cacert",
                    ca.toString(), "https://localhost:" + port + "/"));
        } finally {
            backend.stop(0);
            workers.shutdownNow();
        }
    }
}
