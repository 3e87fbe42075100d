package io.hsmgate.model.internal;

import static io.hsmgate.model.internal.Fixture.ALICE;
import static io.hsmgate.model.internal.Fixture.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hsmgate.model.ChangeKind;
import io.hsmgate.model.FieldChange;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.ItemChange;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.SshListener;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.TlsListener;
import io.hsmgate.model.ValidationException;

/** The TLS and SSH listener rules of a proxy server, and how the preview shows listener changes. */
class ListenerRulesTest {

    private final Fixture fixture = new Fixture();
    private HsmConnection connection;
    private UUID certificate;
    private UUID hostKey;

    @BeforeEach
    void items() throws Exception {
        connection = fixture.service.createConnection(connection("a"), ALICE);
        hostKey = fixture.service.createPrivateKey(new PrivateKeyInput("host key", null, true, connection.id(), "02",
                null, null), ALICE).id();
        certificate = fixture.service.createTlsCertificate(new TlsCertificateInput("cert", null, true, connection.id(),
                "01", null, null, null), ALICE).id();
    }

    @Test
    void listenersAreNormalisedWithDefaults() throws Exception {
        String ec = " " + ecKey() + "   alice@laptop  ";
        ProxyServer proxy = create(new TlsListener(null, 8443, "backend.local", 8080, null),
                new SshListener(" 0.0.0.0 ", 2222, List.of(ec, rsaKey()), "10.0.0.5", 22));
        assertEquals(new TlsListener("127.0.0.1", 8443, "backend.local", 8080, List.of("TLSv1.2", "TLSv1.3")),
                proxy.tlsListener());
        assertEquals(new SshListener("0.0.0.0", 2222, List.of(ec.strip().replaceAll("\\s+", " "), rsaKey()),
                "10.0.0.5", 22), proxy.sshListener());
        assertEquals(List.of("TLSv1.3"), create("p2", new TlsListener("::1", 9443, "b", 1,
                List.of("TLSv1.3", "TLSv1.3")), null).tlsListener().protocols());
    }

    @Test
    void everyListenerProblemIsReportedAtOnceWithItsField() {
        ValidationException e = assertThrows(ValidationException.class, () -> fixture.service.createProxyServer(
                new ProxyServerInput("p", null, connection.id(), null, null,
                        new TlsListener("bad host", 0, null, 70000, List.of("SSLv3", "TLSv1.2")),
                        new SshListener(null, null, List.of("ssh-dss AAAA", "ssh-rsa !!!", ""), "http://b", null)),
                ALICE));
        assertEquals(List.of(
                new FieldError("tlsListener", "a TLS listener needs tlsCertificateId: the certificate it presents"),
                new FieldError("tlsListener.bindHost", "bindHost must be a host name or an IP address without port or"
                        + " scheme; got \"bad host\""),
                new FieldError("tlsListener.port", "port must be between 1 and 65535; got 0"),
                new FieldError("tlsListener.backendHost", "backendHost is required"),
                new FieldError("tlsListener.backendPort", "backendPort must be between 1 and 65535; got 70000"),
                new FieldError("tlsListener.protocols", "protocols may contain TLSv1.2 and TLSv1.3; got \"SSLv3\""),
                new FieldError("sshListener", "an SSH listener needs sshHostKeyId: the private key that is its host key"),
                new FieldError("sshListener.port", "port is required"),
                new FieldError("sshListener.authorizedKeys[0]", "the key at authorizedKeys[0] has type \"ssh-dss\";"
                        + " expected one of ssh-rsa, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521,"
                        + " ssh-ed25519 (authorized_keys options such as from=\"...\" are not supported: give the key"
                        + " alone)"),
                new FieldError("sshListener.authorizedKeys[1]", "the key at authorizedKeys[1] is not valid base64 after"
                        + " ssh-rsa"),
                new FieldError("sshListener.authorizedKeys[2]", "the key at authorizedKeys[2] is empty"),
                new FieldError("sshListener.backendHost", "backendHost must be a host name or an IP address without"
                        + " port or scheme; got \"http://b\""),
                new FieldError("sshListener.backendPort", "backendPort is required")), e.errors());
    }

    @Test
    void keysThatLieAboutThemselvesAreRefused() throws Exception {
        String ec = ecKey();
        String relabelled = "ecdsa-sha2-nistp384 " + ec.split(" ")[1];
        byte[] blob = Base64.getDecoder().decode(ec.split(" ")[1]);
        byte[] offCurve = blob.clone();
        offCurve[offCurve.length - 1] ^= 1;
        byte[] truncated = Arrays.copyOf(blob, blob.length - 5);
        assertEquals(List.of(
                new FieldError("sshListener.authorizedKeys[0]", "the key at authorizedKeys[0] says ecdsa-sha2-nistp384"
                        + " but its base64 part encodes a \"ecdsa-sha2-nistp256\" key"),
                new FieldError("sshListener.authorizedKeys[1]", "the key at authorizedKeys[1] has an EC point that is"
                        + " not on curve nistp256"),
                new FieldError("sshListener.authorizedKeys[2]", "the key at authorizedKeys[2] is truncated or"
                        + " malformed: its base64 part is not a complete ecdsa-sha2-nistp256 key"),
                new FieldError("sshListener.authorizedKeys[4]", "the key at authorizedKeys[4] has type"
                        + " \"from=\"10.0.0.1\"\"; expected one of ssh-rsa, ecdsa-sha2-nistp256,"
                        + " ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-ed25519 (authorized_keys options such as"
                        + " from=\"...\" are not supported: give the key alone)"),
                new FieldError("sshListener.authorizedKeys[5]", "the key at authorizedKeys[5] is given twice")),
                sshErrors(List.of(relabelled, line("ecdsa-sha2-nistp256", offCurve), line("ecdsa-sha2-nistp256",
                        truncated), ec, "from=\"10.0.0.1\" " + ec, ec + " same key, other comment")));
        assertEquals(List.of(new FieldError("sshListener.authorizedKeys", "authorizedKeys needs at least one OpenSSH"
                + " public key: without one no client can log in")), sshErrors(List.of()));
    }

    @Test
    void listenersMayNotShareAnAddress() throws Exception {
        create(new TlsListener("0.0.0.0", 8443, "b", 80, null), null);
        assertEquals(List.of(
                new FieldError("sshListener.port", "port 8443 is already the TLS listener's port on 127.0.0.1"),
                new FieldError("tlsListener.port", "port 8443 on 127.0.0.1 is already used by the TLS listener of"
                        + " proxy server \"p\""),
                new FieldError("sshListener.port", "port 8443 on 127.0.0.1 is already used by the TLS listener of"
                        + " proxy server \"p\"")),
                assertThrows(ValidationException.class, () -> fixture.service.createProxyServer(new ProxyServerInput(
                        "q", null, connection.id(), certificate, hostKey, new TlsListener(null, 8443, "b", 80, null),
                        new SshListener(null, 8443, List.of(ecKey()), "b", 22)), ALICE)).errors());
    }

    @Test
    void thePreviewShowsChangedListenerFields() throws Exception {
        ProxyServer proxy = create(new TlsListener(null, 8443, "b", 80, null), null);
        fixture.service.push(ALICE);
        String key = ecKey();
        fixture.service.updateProxyServer(proxy.id(), proxy.version(), new ProxyServerInput("p", null, connection.id(),
                certificate, hostKey, new TlsListener(null, 9443, "b", 80, List.of("TLSv1.3")),
                new SshListener(null, 2222, List.of(key), "b", 22)), ALICE);
        ItemChange change = fixture.service.preview().changes().get(0);
        assertEquals(ChangeKind.MODIFIED, change.change());
        assertEquals(List.of(
                new FieldChange("sshHostKeyId", null, hostKey.toString(), false),
                new FieldChange("tlsListener.port", "8443", "9443", false),
                new FieldChange("tlsListener.protocols", "TLSv1.2, TLSv1.3", "TLSv1.3", false),
                new FieldChange("sshListener.bindHost", null, "127.0.0.1", false),
                new FieldChange("sshListener.port", null, "2222", false),
                new FieldChange("sshListener.authorizedKeys", null, key, false),
                new FieldChange("sshListener.backendHost", null, "b", false),
                new FieldChange("sshListener.backendPort", null, "22", false)), change.fields());
    }

    @Test
    void aProxyWithoutListenersStaysWithout() throws Exception {
        ProxyServer proxy = fixture.service.createProxyServer(new ProxyServerInput("p", null, connection.id(),
                certificate, null), ALICE);
        assertNull(proxy.tlsListener());
        assertNull(proxy.sshListener());
    }

    @Test
    void openSshKeysOfEveryAcceptedTypeParse() throws Exception {
        assertTrue(OpenSshPublicKeys.normalise(rsaKey()).startsWith("ssh-rsa AAAA"));
        assertTrue(OpenSshPublicKeys.normalise(ecKey()).startsWith("ecdsa-sha2-nistp256 AAAA"));
        byte[] ed = blob(out -> {
            string(out, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
            string(out, new byte[32]);
        });
        assertEquals("ssh-ed25519 " + Base64.getEncoder().encodeToString(ed) + " c",
                OpenSshPublicKeys.normalise(line("ssh-ed25519", ed) + "  c"));
    }

    private List<FieldError> sshErrors(List<String> keys) {
        return assertThrows(ValidationException.class, () -> fixture.service.createProxyServer(new ProxyServerInput(
                "p", null, connection.id(), null, hostKey, null, new SshListener(null, 22, keys, "b", 22)), ALICE))
                .errors();
    }

    private ProxyServer create(TlsListener tls, SshListener ssh) throws Exception {
        return create("p", tls, ssh);
    }

    private ProxyServer create(String name, TlsListener tls, SshListener ssh) throws Exception {
        return fixture.service.createProxyServer(new ProxyServerInput(name, null, connection.id(), certificate,
                ssh == null ? null : hostKey, tls, ssh), ALICE);
    }

    static String ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        return line("ecdsa-sha2-nistp256", blob(out -> {
            string(out, "ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII));
            string(out, "nistp256".getBytes(StandardCharsets.US_ASCII));
            string(out, point);
        }));
    }

    private static String rsaKey;

    static synchronized String rsaKey() throws Exception {
        if (rsaKey == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            rsaKey = line("ssh-rsa", blob(out -> {
                string(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
                string(out, key.getPublicExponent().toByteArray());
                string(out, key.getModulus().toByteArray());
            }));
        }
        return rsaKey;
    }

    private static void copy(BigInteger value, byte[] to, int at) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, to, at + 32 - length, length);
    }

    private static String line(String type, byte[] blob) {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] blob(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        }
        return bytes.toByteArray();
    }

    private static void string(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
