package io.hsmgate.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signatures made in SoftHSM, through the JCA provider and the session API, verified by the JDK. */
class SigningTest {
    private static Pkcs11CoreComponent core;
    private static TokenConnection connection;
    private static final byte[] MESSAGE = "hsmgate signs this".getBytes(StandardCharsets.UTF_8);

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
    @CsvSource({"rsa2048, SHA256withRSA", "rsa2048, SHA384withRSA", "rsa2048, SHA512withRSA",
            "ec256, SHA256withECDSA", "ec256, SHA384withECDSA", "ec256, SHA512withECDSA",
            "ec384, SHA384withECDSA", "ec521, SHA512withECDSA"})
    void jcaSignatureVerifiesWithTheJdk(String label, String algorithm) throws Exception {
        HsmPrivateKey key = connection.privateKey(KeyRef.byLabel(label));
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        assertEquals("HsmGate", signer.getProvider().getName());

        Signature verifier = Signature.getInstance(algorithm, algorithm.endsWith("RSA") ? "SunRsaSign" : "SunEC");
        verifier.initVerify(key.publicKey());
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(signature), algorithm + " with " + label);
    }

    @ParameterizedTest
    @CsvSource({"SHA-256, 32", "SHA-384, 48", "SHA-512, 64"})
    void rsaPssVerifiesWithTheJdk(String hash, int salt) throws Exception {
        HsmPrivateKey key = connection.privateKey(KeyRef.byId("01"));
        PSSParameterSpec spec = new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), salt, 1);
        Signature signer = Signature.getInstance("RSASSA-PSS");
        signer.initSign(key); // the key picks the provider; parameters set before would pick SunRsaSign first
        signer.setParameter(spec);
        signer.update(MESSAGE);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        verifier.setParameter(spec);
        verifier.initVerify(key.publicKey());
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void keysExposePublicParametersOnly() throws Exception {
        HsmPrivateKey rsa = connection.privateKey(new KeyRef(new byte[] {1}, SoftHsmFixture.RSA_2048));
        HsmPrivateKey ec = connection.privateKey(KeyRef.byLabel(SoftHsmFixture.EC_256));
        assertEquals(2048, ((RSAKey) rsa).getModulus().bitLength());
        assertEquals(256, ((ECKey) ec).getParams().getCurve().getField().getFieldSize());
        assertNull(rsa.getEncoded());
        assertNull(ec.getFormat());
        assertTrue(!(rsa instanceof java.security.interfaces.RSAPrivateKey));
        assertEquals(HsmTestSupport.fixture().certificate(SoftHsmFixture.RSA_2048).getPublicKey(), rsa.publicKey());
    }

    @Test
    void sessionSignAndCounters() throws Exception {
        HsmPrivateKey key = connection.privateKey(KeyRef.byLabel(SoftHsmFixture.EC_256));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        byte[] der = connection.withSession(s -> s.sign(key, SigningMechanism.ECDSA, hash));
        Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        verifier.initVerify(key.publicKey());
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(der));
        assertTrue(connection.counters().signaturesByMechanism().get("ECDSA") >= 1);
        assertThrows(UnsupportedMechanismException.class,
                () -> connection.withSession(s -> s.sign(key, SigningMechanism.RSA_PKCS1_SHA256, hash)));
    }

    @Test
    void aSecondLoginToALoggedInTokenIsReportedAsNotVerified() throws Exception {
        assertTrue(connection.pinVerified(), "the first connection's PIN was checked by C_Login");
        try (Pkcs11Library library = core.acquire(HsmTestSupport.fixture().library(), null);
             TokenConnection second = library.connect(TokenSelector.byLabel(SoftHsmFixture.TOKEN_A),
                     LoginSpec.user("not-the-pin"::toCharArray), PoolSettings.of(1, Duration.ofSeconds(5)))) {
            assertTrue(!second.pinVerified(), "PKCS#11 shares the login per process: the wrong PIN was never checked");
        }
    }

    @Test
    void tokenGeneratesRandomBytes() throws Exception {
        byte[] first = connection.withSession(s -> s.generateRandom(32));
        byte[] second = connection.withSession(s -> s.generateRandom(32));
        assertEquals(32, first.length);
        assertTrue(!java.util.Arrays.equals(first, second), "two draws of 32 random bytes differ");
        assertThrows(IllegalArgumentException.class, () -> connection.withSession(s -> s.generateRandom(0)));
    }

    @Test
    void missingKeyIsAConfigurationError() {
        HsmConfigurationException e = assertThrows(HsmConfigurationException.class,
                () -> connection.privateKey(KeyRef.byLabel("no-such-key")));
        assertTrue(e.getMessage().contains("no-such-key"));
    }

    @Test
    void listsObjectsWithTheirAttributes() throws Exception {
        List<ObjectDescription> objects = connection.listObjects();
        ObjectDescription rsa = objects.stream().filter(o -> o.type().equals("PRIVATE_KEY") && "01".equals(o.idHex()))
                .findFirst().orElseThrow();
        assertEquals("RSA", rsa.keyType());
        assertEquals(2048, rsa.keySize());
        assertEquals(Boolean.TRUE, rsa.sign());
        assertEquals(Boolean.TRUE, rsa.sensitive());
        ObjectDescription ec = objects.stream().filter(o -> o.type().equals("PRIVATE_KEY") && "03".equals(o.idHex()))
                .findFirst().orElseThrow();
        assertEquals("secp384r1", ec.curve());
        assertEquals(384, ec.keySize());
        ObjectDescription cert = objects.stream().filter(o -> o.type().equals("CERTIFICATE") && "02".equals(o.idHex()))
                .findFirst().orElseThrow();
        assertTrue(cert.subject().contains("ec256.hsmgate.test"));
        assertTrue(cert.notAfter().isAfter(cert.notBefore()));
    }

    @Test
    void providerIsRegisteredWhileActive() {
        assertEquals("HsmGate", Security.getProvider("HsmGate").getName());
    }
}
