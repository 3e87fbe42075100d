package io.hsmgate.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSSE handshakes between an SSLServerSocket whose key manager serves an HSM key and a JDK client. The client
 * offers rsa_pkcs1_sha256 before PSS (surefire sets jdk.tls.client.SignatureSchemes), so TLS 1.2 signs with
 * PKCS#1 v1.5 while TLS 1.3, which forbids it in CertificateVerify, signs with RSA-PSS.
 */
class TlsHandshakeTest {
    private static Pkcs11CoreComponent core;
    private static TokenConnection connection;

    @BeforeAll
    static void open() throws Exception {
        core = HsmTestSupport.start();
        connection = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 4, Duration.ofSeconds(5));
    }

    @AfterAll
    static void close() {
        connection.close();
        core.deactivate();
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.2, rsa2048, RSA_PKCS1_SHA256", "TLSv1.3, rsa2048, RSA_PSS_SHA256", "TLSv1.3, ec256, ECDSA"})
    void handshakeIsSignedInTheHsm(String protocol, String keyLabel, String mechanism) throws Exception {
        SoftHsmFixture fixture = HsmTestSupport.fixture();
        HsmPrivateKey key = connection.privateKey(KeyRef.byLabel(keyLabel));
        X509Certificate leaf = connection.certificate(KeyRef.byLabel(keyLabel));
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(new KeyManager[] {HsmKeyManagers.forKey("hsm", key, leaf, fixture.caCertificate())}, null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", fixture.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        long before = connection.counters().signaturesByMechanism().getOrDefault(mechanism, 0L);
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {protocol});
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    InputStream in = s.getInputStream();
                    int b = in.read();
                    s.getOutputStream().write(b + 1);
                    s.getOutputStream().flush();
                    return s.getSession().getProtocol() + " " + s.getSession().getCipherSuite();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setEnabledProtocols(new String[] {protocol});
                client.setSoTimeout(10_000);
                client.startHandshake();
                OutputStream out = client.getOutputStream();
                out.write(41);
                out.flush();
                assertEquals(42, client.getInputStream().read());
                assertEquals(protocol, client.getSession().getProtocol());
                assertEquals(leaf, client.getSession().getPeerCertificates()[0]);
            }
            assertTrue(served.get(20, TimeUnit.SECONDS).startsWith(protocol));
        }
        long after = connection.counters().signaturesByMechanism().getOrDefault(mechanism, 0L);
        assertTrue(after > before, "the handshake was signed in the HSM with " + mechanism);
    }
}
