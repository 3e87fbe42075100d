package io.hsmgate.model.internal;

import static io.hsmgate.model.internal.Fixture.ALICE;
import static io.hsmgate.model.internal.Fixture.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.UserType;
import io.hsmgate.model.ValidationException;

/** The rules and messages the other tests do not reach. */
class RemainingRulesTest {

    private final Fixture fixture = new Fixture();

    @Test
    void libraryPathLength() {
        HsmConnectionInput input = new HsmConnectionInput("a", null, "/" + "x".repeat(4096), "1", null, null, false,
                null, null, null, null, null);
        assertEquals(List.of(new FieldError("libraryPath", "libraryPath has at most 4096 characters; got 4097")),
                assertThrows(ValidationException.class, () -> fixture.service.createConnection(input, ALICE))
                        .errors());
    }

    @Test
    void proxyNeedsAnExistingConnection() {
        UUID missing = UUID.randomUUID();
        assertEquals(List.of(new FieldError("hsmConnectionId", "there is no HSM connection with id " + missing)),
                assertThrows(ValidationException.class, () -> fixture.service.createProxyServer(
                        new ProxyServerInput("p", null, missing, null, null), ALICE)).errors());
    }

    @Test
    void certificateInHsmTakesNoKeyMaterial() throws Exception {
        UUID connection = fixture.service.createConnection(connection("c"), ALICE).id();
        assertEquals(List.of(new FieldError("privateKeyPem", "give no privateKeyPem when storeInHsm is true: the key"
                + " stays in the HSM")), assertThrows(ValidationException.class,
                        () -> fixture.service.createTlsCertificate(new TlsCertificateInput("t", null, true, connection,
                                "01", null, null, "x".toCharArray()), ALICE)).errors());
    }

    @Test
    void legacyEncryptedAndBrokenPem() {
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem is encrypted; give it unencrypted (openssl"
                + " pkcs8 -topk8 -nocrypt)")), keyErrors("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                        + "DEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n"));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem has an unterminated BEGIN line")),
                keyErrors("-----BEGIN PRIVATE KEY"));
        assertEquals(List.of(new FieldError("privateKeyPem", "privateKeyPem is not a well-formed EC PRIVATE KEY: SEC1"
                + " key does not name its curve")), keyErrors("-----BEGIN EC PRIVATE KEY-----\nMAA=\n"
                        + "-----END EC PRIVATE KEY-----\n"));
    }

    private List<FieldError> keyErrors(String pem) {
        return assertThrows(ValidationException.class, () -> fixture.service.createPrivateKey(
                new PrivateKeyInput("k", null, false, null, null, null, pem.toCharArray()), ALICE)).errors();
    }

    @Test
    void actorsAndAuditEntries() {
        assertEquals("an actor needs a name", assertThrows(IllegalArgumentException.class, () -> Actor.of(" "))
                .getMessage());
        assertEquals("an actor name has at most 200 characters; got 201",
                assertThrows(IllegalArgumentException.class, () -> Actor.of("a".repeat(201))).getMessage());
        assertEquals("an audit entry needs a time, an actor and an action", assertThrows(
                IllegalArgumentException.class, () -> new AuditEntry(Fixture.T0, ALICE, " ", null, null, null, null,
                        null, null)).getMessage());
        AuditEntry entry = new AuditEntry(Fixture.T0, ALICE, "test", ItemType.HSM_CONNECTION, null, null,
                Map.of("PIN", "1234", "privateKeyPem", "-----BEGIN"), null, null);
        assertEquals(Map.of("PIN", AuditEntry.REDACTED, "privateKeyPem", AuditEntry.REDACTED), entry.before());
        assertEquals(ItemType.TLS_CERTIFICATE, ItemType.ofLabel("TLS certificate"));
        assertEquals("unknown item type \"key\"", assertThrows(IllegalArgumentException.class,
                () -> ItemType.ofLabel("key")).getMessage());
    }

    @Test
    void updatingToAuthenticateNeedsAPinWhenNoneIsStored() throws Exception {
        var created = fixture.service.createConnection(new HsmConnectionInput("a", null, "/lib.so", "1", null, null,
                false, null, null, null, null, null), ALICE);
        assertEquals(List.of(new FieldError("pin", "pin is required when authenticate is true")),
                assertThrows(ValidationException.class, () -> fixture.service.updateConnection(created.id(), 1,
                        new HsmConnectionInput("a", null, "/lib.so", "1", null, null, true, null, UserType.USER, null,
                                null, null), ALICE)).errors());
    }
}
