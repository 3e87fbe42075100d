package io.hsmgate.model.internal;

import static io.hsmgate.model.internal.Fixture.ALICE;
import static io.hsmgate.model.internal.Fixture.connection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hsmgate.model.FieldError;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.ValidationException;

class CredentialRulesTest {

    private final Fixture fixture = new Fixture();
    private UUID connectionId;

    @BeforeEach
    void createConnection() throws Exception {
        connectionId = fixture.service.createConnection(connection("hsm"), ALICE).id();
    }

    private List<FieldError> keyErrors(PrivateKeyInput input) {
        return assertThrows(ValidationException.class, () -> fixture.service.createPrivateKey(input, ALICE)).errors();
    }

    private List<FieldError> certificateErrors(TlsCertificateInput input) {
        return assertThrows(ValidationException.class,
                () -> fixture.service.createTlsCertificate(input, ALICE)).errors();
    }

    @Test
    void keyInHsmNormalisesCkaId() throws Exception {
        SshPrivateKey key = fixture.service.createPrivateKey(
                new PrivateKeyInput("host key", null, true, connectionId, "0A:1b:FF", null, null), ALICE);
        assertEquals("0a1bff", key.ckaId());
        assertTrue(key.storeInHsm());
        assertNull(key.keyAlgorithm());
    }

    @Test
    void keyInHsmRules() {
        assertEquals(List.of(new FieldError("hsmConnectionId", "hsmConnectionId is required when storeInHsm is true"),
                new FieldError("ckaId,ckaLabel", "give a ckaId, a ckaLabel or both when storeInHsm is true"),
                new FieldError("privateKeyPem", "give no privateKeyPem when storeInHsm is true: the key stays in the"
                        + " HSM")),
                keyErrors(new PrivateKeyInput("k", null, true, null, " ", "", "x".toCharArray())));
        UUID missing = UUID.randomUUID();
        assertEquals(List.of(new FieldError("ckaId", "ckaId must be hexadecimal with an even number of digits (1 to 255"
                + " bytes); got \"abc\""), new FieldError("hsmConnectionId", "there is no HSM connection with id "
                        + missing)),
                keyErrors(new PrivateKeyInput("k", null, true, missing, "abc", null, null)));
        assertEquals("ckaId", keyErrors(new PrivateKeyInput("k", null, true, connectionId, "zz", null, null)).get(0)
                .field());
        assertEquals("ckaId", keyErrors(new PrivateKeyInput("k", null, true, connectionId, "00".repeat(256), null,
                null)).get(0).field());
        assertEquals(List.of(new FieldError("ckaLabel", "ckaLabel has at most 255 bytes in UTF-8; got 256")),
                keyErrors(new PrivateKeyInput("k", null, true, connectionId, null, "l".repeat(256), null)));
    }

    @Test
    void keyNotInHsmRules() {
        assertEquals(List.of(new FieldError("hsmConnectionId", "give no hsmConnectionId when storeInHsm is false"),
                new FieldError("ckaId", "give no ckaId when storeInHsm is false"),
                new FieldError("ckaLabel", "give no ckaLabel when storeInHsm is false"),
                new FieldError("privateKeyPem", "privateKeyPem is required when storeInHsm is false")),
                keyErrors(new PrivateKeyInput("k", null, false, connectionId, "01", "label", null)));
    }

    @Test
    void readsPkcs8Pkcs1Sec1AndEd25519AndStoresPkcs8() throws Exception {
        KeyPair rsa = TestCredentials.rsa();
        KeyPair ec = TestCredentials.ec();
        KeyPair ed = TestCredentials.ed25519();
        SshPrivateKey pkcs1 = fixture.service.createPrivateKey(new PrivateKeyInput("rsa", null, false, null, null,
                null, TestCredentials.traditionalPem(rsa.getPrivate())), ALICE);
        SshPrivateKey sec1 = fixture.service.createPrivateKey(new PrivateKeyInput("ec", null, null, null, null, null,
                TestCredentials.traditionalPem(ec.getPrivate())), ALICE);
        SshPrivateKey pkcs8 = fixture.service.createPrivateKey(new PrivateKeyInput("ed", null, false, null, null,
                null, TestCredentials.pkcs8Pem(ed.getPrivate())), ALICE);
        assertEquals("RSA", pkcs1.keyAlgorithm());
        assertEquals("EC", sec1.keyAlgorithm());
        assertEquals("Ed25519", pkcs8.keyAlgorithm());
        fixture.service.push(ALICE);
        char[] stored = fixture.service.runningPrivateKeyPem(ItemType.PRIVATE_KEY, pkcs1.id());
        String text = new String(stored);
        assertTrue(text.startsWith("-----BEGIN PRIVATE KEY-----\n"), text);
        byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        assertEquals(rsa.getPrivate(), KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    @Test
    void refusesKeysItCannotUse() {
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem is encrypted; give it unencrypted (openssl"
                + " pkcs8 -topk8 -nocrypt)")), keyErrors(keyPem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                        + "-----END ENCRYPTED PRIVATE KEY-----\n")));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem is in OpenSSH format; convert it to PKCS#8"
                + " PEM first (ssh-keygen -p -m PKCS8 -f <file>)")), keyErrors(keyPem(
                        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n")));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem is not PEM: expected a line \"-----BEGIN"
                + " PRIVATE KEY-----\"")), keyErrors(keyPem("just text")));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem holds a \"CERTIFICATE\", not a private"
                + " key")), keyErrors(keyPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem is not valid base64 between its BEGIN and"
                + " END lines")), keyErrors(keyPem("-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n")));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem is not an RSA, EC, Ed25519 or Ed448"
                + " private key this server can read")), keyErrors(keyPem(
                        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem has no line \"-----END PRIVATE"
                + " KEY-----\"")), keyErrors(keyPem("-----BEGIN PRIVATE KEY-----\nAAAA\n")));
    }

    private static PrivateKeyInput keyPem(String pem) {
        return new PrivateKeyInput("k", null, false, null, null, null, pem.toCharArray());
    }

    @Test
    void updateWithoutPemKeepsTheKey() throws Exception {
        KeyPair ec = TestCredentials.ec();
        SshPrivateKey key = fixture.service.createPrivateKey(new PrivateKeyInput("k", null, false, null, null, null,
                TestCredentials.pkcs8Pem(ec.getPrivate())), ALICE);
        SshPrivateKey renamed = fixture.service.updatePrivateKey(key.id(), 1,
                new PrivateKeyInput("k2", "d", false, null, null, null, null), ALICE);
        assertEquals("EC", renamed.keyAlgorithm());
        assertEquals(2, renamed.version());
        fixture.service.push(ALICE);
        char[] pem = fixture.service.runningPrivateKeyPem(ItemType.PRIVATE_KEY, key.id());
        assertArrayEquals(TestCredentials.pkcs8Pem(ec.getPrivate()), pem);
    }

    @Test
    void certificateChainAndKeyMustMatch() throws Exception {
        KeyPair caKeys = TestCredentials.ec();
        KeyPair leafKeys = TestCredentials.rsa();
        X509Certificate ca = TestCredentials.certificate("CN=Test CA", caKeys, "CN=Test CA", caKeys.getPrivate());
        X509Certificate leaf = TestCredentials.certificate("CN=proxy.example", leafKeys, "CN=Test CA",
                caKeys.getPrivate());
        String chain = TestCredentials.chainPem(leaf, ca);

        TlsCertificate created = fixture.service.createTlsCertificate(new TlsCertificateInput("web", null, false, null,
                null, null, "garbage before\n" + chain, TestCredentials.traditionalPem(leafKeys.getPrivate())), ALICE);
        assertEquals("CN=proxy.example", created.subject());
        assertEquals(leaf.getNotAfter().toInstant(), created.notAfter());
        assertEquals(chain, created.certificateChainPem());

        assertEquals(List.of(new FieldError("privateKeyPem,certificateChainPem", "privateKeyPem does not belong to the"
                + " first certificate of certificateChainPem (CN=proxy.example)")),
                certificateErrors(new TlsCertificateInput("other", null, false, null, null, null, chain,
                        TestCredentials.pkcs8Pem(caKeys.getPrivate()))));
        assertEquals(List.of(new FieldError("certificateChainPem", "certificate 1 (CN=Test CA) is not issued by"
                + " certificate 2 (CN=proxy.example); give the chain leaf first, each certificate followed by its"
                + " issuer")), certificateErrors(new TlsCertificateInput("other", null, false, null, null, null,
                        TestCredentials.chainPem(ca, leaf), TestCredentials.pkcs8Pem(leafKeys.getPrivate()))));
        assertEquals(List.of(new FieldError("certificateChainPem", "certificateChainPem is required when storeInHsm is"
                + " false"), new FieldError("privateKeyPem", "privateKeyPem is required when storeInHsm is false")),
                certificateErrors(new TlsCertificateInput("other", null, false, null, null, null, null, null)));
        assertEquals("certificateChainPem", certificateErrors(new TlsCertificateInput("other", null, false, null, null,
                null, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                TestCredentials.pkcs8Pem(leafKeys.getPrivate()))).get(0).field());

        // a new chain alone is checked against the stored key
        KeyPair otherKeys = TestCredentials.ec();
        X509Certificate other = TestCredentials.certificate("CN=other", otherKeys, "CN=other", otherKeys.getPrivate());
        assertThrows(ValidationException.class, () -> fixture.service.updateTlsCertificate(created.id(), 1,
                new TlsCertificateInput("web", null, false, null, null, null, TestCredentials.chainPem(other), null),
                ALICE));
        X509Certificate renewed = TestCredentials.certificate("CN=proxy.example,O=renewed", leafKeys, "CN=Test CA",
                caKeys.getPrivate());
        TlsCertificate updated = fixture.service.updateTlsCertificate(created.id(), 1, new TlsCertificateInput("web",
                null, false, null, null, null, TestCredentials.chainPem(renewed, ca), null), ALICE);
        assertEquals("O=renewed,CN=proxy.example", updated.subject());
    }

    @Test
    void certificateInHsmMayCarryItsChain() throws Exception {
        KeyPair keys = TestCredentials.ec();
        X509Certificate self = TestCredentials.certificate("CN=hsm", keys, "CN=hsm", keys.getPrivate());
        TlsCertificate inHsm = fixture.service.createTlsCertificate(new TlsCertificateInput("in hsm", null, true,
                connectionId, null, "tls-key", TestCredentials.chainPem(self), null), ALICE);
        assertEquals("CN=hsm", inHsm.subject());
        assertEquals("tls-key", inHsm.ckaLabel());
        TlsCertificate noChain = fixture.service.createTlsCertificate(new TlsCertificateInput("bare", null, true,
                connectionId, "01", null, null, null), ALICE);
        assertNull(noChain.certificateChainPem());
        assertFalse(noChain.toString().contains("PRIVATE"));
    }

    @Test
    void credentialNamesAreUniquePerType() throws Exception {
        fixture.service.createPrivateKey(new PrivateKeyInput("same", null, true, connectionId, "01", null, null), ALICE);
        assertThrows(io.hsmgate.model.ConflictException.class, () -> fixture.service.createPrivateKey(
                new PrivateKeyInput("SAME", null, true, connectionId, "02", null, null), ALICE));
        // another type may use the name
        fixture.service.createTlsCertificate(new TlsCertificateInput("same", null, true, connectionId, "01", null,
                null, null), ALICE);
    }
}
