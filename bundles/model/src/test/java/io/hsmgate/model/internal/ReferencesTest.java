package io.hsmgate.model.internal;

import static io.hsmgate.model.internal.Fixture.ALICE;
import static io.hsmgate.model.internal.Fixture.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hsmgate.model.ConflictException;
import io.hsmgate.model.FieldError;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.ItemRef;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.ReferencedException;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.ValidationException;
import io.hsmgate.model.spi.DocumentType;

class ReferencesTest {

    private final Fixture fixture = new Fixture();
    private HsmConnection a;
    private HsmConnection b;
    private SshPrivateKey keyOnA;
    private TlsCertificate certificateOnA;

    @BeforeEach
    void items() throws Exception {
        a = fixture.service.createConnection(connection("a"), ALICE);
        b = fixture.service.createConnection(connection("b"), ALICE);
        keyOnA = fixture.service.createPrivateKey(new PrivateKeyInput("key", null, true, a.id(), "01", null, null),
                ALICE);
        certificateOnA = fixture.service.createTlsCertificate(new TlsCertificateInput("cert", null, true, a.id(), null,
                "cert", null, null), ALICE);
    }

    @Test
    void proxyRules() throws Exception {
        UUID missing = UUID.randomUUID();
        assertEquals(List.of(new FieldError("name", "name is required"), new FieldError("hsmConnectionId",
                "hsmConnectionId is required: the HSM connection this proxy server uses"),
                new FieldError("tlsCertificateId", "there is no TLS certificate with id " + missing),
                new FieldError("sshHostKeyId", "there is no private key with id " + missing)),
                assertThrows(ValidationException.class, () -> fixture.service.createProxyServer(
                        new ProxyServerInput(null, null, null, missing, missing), ALICE)).errors());
        assertEquals(List.of(new FieldError("tlsCertificateId", "TLS certificate \"cert\" is stored on HSM connection "
                + a.id() + "; a proxy server can only use HSM credentials on its own connection " + b.id()),
                new FieldError("sshHostKeyId", "private key \"key\" is stored on HSM connection " + a.id()
                        + "; a proxy server can only use HSM credentials on its own connection " + b.id())),
                assertThrows(ValidationException.class, () -> fixture.service.createProxyServer(
                        new ProxyServerInput("p", null, b.id(), certificateOnA.id(), keyOnA.id()), ALICE)).errors());
        ProxyServer proxy = fixture.service.createProxyServer(new ProxyServerInput("p", null, a.id(),
                certificateOnA.id(), keyOnA.id()), ALICE);
        assertEquals(a.id(), proxy.hsmConnectionId());
    }

    @Test
    void movingACredentialAwayFromItsProxysConnectionIsRefused() throws Exception {
        fixture.service.createProxyServer(new ProxyServerInput("p", null, a.id(), certificateOnA.id(), keyOnA.id()),
                ALICE);
        ValidationException refused = assertThrows(ValidationException.class, () -> fixture.service.updatePrivateKey(
                keyOnA.id(), 1, new PrivateKeyInput("key", null, true, b.id(), "01", null, null), ALICE));
        assertEquals("hsmConnectionId", refused.errors().get(0).field());
        assertThrows(ValidationException.class, () -> fixture.service.updateTlsCertificate(certificateOnA.id(), 1,
                new TlsCertificateInput("cert", null, true, b.id(), null, "cert", null, null), ALICE));
    }

    @Test
    void deletingSomethingInUseListsEveryReferrer() throws Exception {
        ProxyServer proxy = fixture.service.createProxyServer(new ProxyServerInput("p", null, a.id(),
                certificateOnA.id(), keyOnA.id()), ALICE);
        ReferencedException refused = assertThrows(ReferencedException.class,
                () -> fixture.service.deleteConnection(a.id(), 1, ALICE));
        assertEquals(List.of(new ItemRef(ItemType.TLS_CERTIFICATE, certificateOnA.id(), "cert"),
                new ItemRef(ItemType.PRIVATE_KEY, keyOnA.id(), "key"),
                new ItemRef(ItemType.PROXY_SERVER, proxy.id(), "p")), refused.referrers());
        assertEquals("HSM connection \"a\" (" + a.id() + ") is still used by TLS certificate \"cert\" ("
                + certificateOnA.id() + "), private key \"key\" (" + keyOnA.id() + "), proxy server \"p\" ("
                + proxy.id() + "); change or delete those first", refused.getMessage());
        assertEquals(List.of(new ItemRef(ItemType.PROXY_SERVER, proxy.id(), "p")), assertThrows(
                ReferencedException.class, () -> fixture.service.deletePrivateKey(keyOnA.id(), 1, ALICE)).referrers());
        assertEquals(List.of(new ItemRef(ItemType.PROXY_SERVER, proxy.id(), "p")), assertThrows(
                ReferencedException.class,
                () -> fixture.service.deleteTlsCertificate(certificateOnA.id(), 1, ALICE)).referrers());

        fixture.service.deleteProxyServer(proxy.id(), 1, ALICE);
        fixture.service.deletePrivateKey(keyOnA.id(), 1, ALICE);
        fixture.service.deleteTlsCertificate(certificateOnA.id(), 1, ALICE);
        fixture.service.deleteConnection(a.id(), 1, ALICE);
        assertEquals(List.of(b), fixture.service.connections());
        assertThrows(NotFoundException.class, () -> fixture.service.deleteConnection(a.id(), 1, ALICE));
    }

    @Test
    void staleVersionsAreConflicts() throws Exception {
        HsmConnection updated = fixture.service.updateConnection(a.id(), 1, Fixture.withDescription(connection("a"),
                "first edit"), ALICE);
        assertEquals(2, updated.version());
        ConflictException stale = assertThrows(ConflictException.class, () -> fixture.service.updateConnection(a.id(),
                1, Fixture.withDescription(connection("a"), "lost edit"), ALICE));
        assertEquals("version", stale.field());
        assertEquals("HSM connection \"a\" was changed meanwhile: your change is based on version 1, the current"
                + " version is 2; reload it and apply your change again", stale.getMessage());
        assertEquals("first edit", fixture.service.connection(a.id()).orElseThrow().description());
        assertThrows(ConflictException.class, () -> fixture.service.deleteConnection(b.id(), 7, ALICE));
        assertThrows(ConflictException.class, () -> fixture.service.updatePrivateKey(keyOnA.id(), 2,
                new PrivateKeyInput("key", null, true, a.id(), "01", null, null), ALICE));
        assertThrows(NotFoundException.class, () -> fixture.service.updateProxyServer(UUID.randomUUID(), 1,
                new ProxyServerInput("p", null, a.id(), null, null), ALICE));
    }

    @Test
    void pushRefusesDanglingReferences() throws Exception {
        UUID gone = UUID.randomUUID();
        // the model never lets this happen; a store edited by hand can
        fixture.store.putDirectly(DocumentType.PROXY_SERVERS, gone.toString(),
                new ProxyServer(gone, "orphan", null, UUID.fromString("00000000-0000-0000-0000-000000000001"), null,
                        null, Fixture.T0, Fixture.T0, 1));
        ValidationException refused = assertThrows(ValidationException.class, () -> fixture.service.push(ALICE));
        assertEquals(List.of(new FieldError("hsmConnectionId", "proxy server \"orphan\" (" + gone + ") refers to HSM"
                + " connection 00000000-0000-0000-0000-000000000001, which does not exist")), refused.errors());
        assertEquals(0, fixture.service.running().number());
    }
}
