package io.hsmgate.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sharing and reference counting, reload, token resolution, login guard, and clean stop. */
class LibraryLifecycleTest {

    private static boolean softHsmMapped() throws Exception {
        return Files.readString(Path.of("/proc/self/maps")).contains("libsofthsm2");
    }

    private static byte[] sign(TokenConnection c, String label) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(c.privateKey(KeyRef.byLabel(label)));
        s.update(new byte[] {1, 2, 3});
        return s.sign();
    }

    @Test
    void oneLibrarySharedByTwoTokensIsReferenceCountedAndUnloadedWhenUnused() throws Exception {
        Pkcs11CoreComponent core = HsmTestSupport.start();
        try {
            TokenConnection a = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 2, Duration.ofSeconds(5));
            TokenConnection b = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_B, 2, Duration.ofSeconds(5));
            List<LibraryInfo> loaded = core.loaded();
            assertEquals(1, loaded.size());
            assertEquals(2, loaded.get(0).references());
            assertTrue(loaded.get(0).initializedByUs());
            assertEquals("SoftHSM", loaded.get(0).manufacturer());
            sign(a, SoftHsmFixture.EC_256);
            sign(b, SoftHsmFixture.EC_256_B);
            a.close();
            assertEquals(1, core.loaded().get(0).references());
            sign(b, SoftHsmFixture.EC_256_B);
            b.close();
            assertTrue(core.loaded().isEmpty(), "finalised and forgotten with the last reference");
            assertFalse(softHsmMapped(), "libsofthsm2 unloaded");
        } finally {
            core.deactivate();
        }
    }

    @Test
    void sessionCensusBalancesOnceConnectionsClose() throws Exception {
        Pkcs11CoreComponent core = HsmTestSupport.start();
        try {
            SessionCensus before = core.sessionCensus();
            TokenConnection a = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 3, Duration.ofSeconds(5));
            sign(a, SoftHsmFixture.EC_256);
            SessionCensus during = core.sessionCensus();
            assertTrue(during.opened() >= before.opened() + 2, "login session and a pooled session: " + during);
            assertTrue(during.open() > before.open());
            a.close();
            SessionCensus after = core.sessionCensus();
            assertEquals(before.open(), after.open(), "every session opened was closed: " + after);
        } finally {
            core.deactivate();
        }
    }

    @Test
    void aLibraryWhoseVendorForbidsFinalizeStaysInitialisedAndIsAdoptedByTheNextStart() throws Exception {
        io.hsmgate.pkcs11.spi.VendorProfile noFinalize = io.hsmgate.pkcs11.spi.VendorProfile.builder("generic")
                .initialize(new io.hsmgate.pkcs11.spi.InitializePolicy(true, false, 5_000)).build();
        Pkcs11CoreComponent first = HsmTestSupport.start();
        try (Pkcs11Library library = first.acquire(HsmTestSupport.fixture().library(), () -> noFinalize)) {
            assertTrue(library.info().initializedByUs());
        } finally {
            first.deactivate(); // a bundle stop: the policy forbids C_Finalize, so the library stays initialised
        }
        Pkcs11CoreComponent second = HsmTestSupport.start();
        try {
            try (Pkcs11Library library = second.acquire(HsmTestSupport.fixture().library(), null)) {
                assertTrue(library.info().initializedByUs(), "hsmgate's own earlier C_Initialize is adopted, not foreign");
                library.reload(); // refused for libraries another component owns
                assertEquals(SoftHsmFixture.TOKEN_A, library.resolve(TokenSelector.byLabel(SoftHsmFixture.TOKEN_A)).label());
            }
            assertTrue(second.loaded().isEmpty(), "the generic profile finalised and unloaded it on release");
        } finally {
            second.deactivate();
        }
    }

    @Test
    void reloadShowsNewTokensAndConnectionsRecover() throws Exception {
        Pkcs11CoreComponent core = HsmTestSupport.start();
        try (Pkcs11Library library = core.acquire(HsmTestSupport.fixture().library(), null);
             TokenConnection a = library.connect(TokenSelector.byLabel(SoftHsmFixture.TOKEN_A),
                     LoginSpec.user(HsmTestSupport.pin()), PoolSettings.of(2, Duration.ofSeconds(5)))) {
            sign(a, SoftHsmFixture.EC_256);
            long epoch = a.epoch();
            String label = "late-" + System.nanoTime() % 100000;
            HsmTestSupport.fixture().createToken(label);
            assertThrows(HsmConfigurationException.class, () -> library.resolve(TokenSelector.byLabel(label)),
                    "SoftHSM shows tokens of other processes only after re-initialisation");
            long generation = library.info().generation();
            library.reload();
            assertEquals(generation + 1, library.info().generation());
            assertEquals(label, library.resolve(TokenSelector.byLabel(label)).label());
            sign(a, SoftHsmFixture.EC_256);
            assertTrue(a.epoch() > epoch, "the connection reconnected after the reload");
        } finally {
            core.deactivate();
        }
    }

    @Test
    void resolvesBySerialAndSlotAndRejectsAmbiguousLabels() throws Exception {
        Pkcs11CoreComponent core = HsmTestSupport.start();
        try (Pkcs11Library library = core.acquire(HsmTestSupport.fixture().library(), null)) {
            TokenDescription a = library.resolve(TokenSelector.byLabel(SoftHsmFixture.TOKEN_A));
            assertEquals(a.slotId(), library.resolve(TokenSelector.bySerial(a.serial())).slotId());
            assertEquals(a.serial(), library.resolve(TokenSelector.bySlot(a.slotId())).serial());
            assertEquals("SoftHSM v2", a.model());
            assertTrue(a.mechanisms().contains("CKM_ECDSA"));
            assertTrue(a.has(TokenDescription.CKF_LOGIN_REQUIRED));
            HsmConfigurationException e = assertThrows(HsmConfigurationException.class,
                    () -> library.resolve(TokenSelector.byLabel(SoftHsmFixture.TWIN_LABEL)));
            for (String serial : HsmTestSupport.fixture().serials(SoftHsmFixture.TWIN_LABEL)) {
                assertTrue(e.getMessage().contains(serial), e.getMessage());
            }
            assertTrue(library.slots().stream().anyMatch(s -> s.token() != null
                    && !s.token().has(TokenDescription.CKF_TOKEN_INITIALIZED)), "the free slot is listed too");
        } finally {
            core.deactivate();
        }
    }

    @Test
    void wrongPinIsTriedOnceAndNeverAgain() throws Exception {
        Pkcs11CoreComponent core = HsmTestSupport.start();
        try (Pkcs11Library library = core.acquire(HsmTestSupport.fixture().library(), null)) {
            int[] asked = {0};
            char[][] given = new char[1][];
            PinSource wrong = () -> {
                asked[0]++;
                given[0] = "9999".toCharArray();
                return given[0];
            };
            HsmAuthenticationException e = assertThrows(HsmAuthenticationException.class, () -> library.connect(
                    TokenSelector.byLabel(SoftHsmFixture.TOKEN_B), LoginSpec.user(wrong), PoolSettings.of(1, Duration.ofSeconds(1))));
            assertEquals(HsmAuthenticationException.Reason.PIN_INCORRECT, e.reason());
            assertEquals("CKR_PIN_INCORRECT", e.returnValueName());
            assertEquals(1, asked[0], "a wrong PIN is never retried");
            assertEquals("\0\0\0\0", new String(given[0]), "the PIN is cleared after use");
            assertFalse(e.getMessage().contains("9999"));
            assertEquals(1, core.loaded().get(0).references(), "the failed connection released its reference");
        } finally {
            core.deactivate();
        }
    }

    @Test
    void stopRemovesTheProviderAndFinalisesEverything() throws Exception {
        Pkcs11CoreComponent core = HsmTestSupport.start();
        TokenConnection a = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 2, Duration.ofSeconds(5));
        sign(a, SoftHsmFixture.EC_256);
        assertTrue(softHsmMapped());
        core.deactivate(); // a connection still open: stop must not wait for its owner
        assertEquals(null, Security.getProvider("HsmGate"));
        assertFalse(softHsmMapped(), "C_Finalize ran and the library was unloaded");
        assertTrue(core.loaded().isEmpty());
        assertThrows(HsmException.class, () -> a.withSession(s -> null));
        a.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains("hsmgate")));
    }
}
