package io.hsmgate.adapter.softhsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.LibraryInfo;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the real SoftHSM2 library (the only PKCS#11 library that runs here), through the pkcs11
 * core exactly as the runtime uses it. Tokens and keys come from the core's {@link SoftHsmFixture}.
 */
class SoftHsmAdapterOnRealLibraryTest {
    private final SoftHsmVendorAdapter adapter = new SoftHsmVendorAdapter();
    private SoftHsmFixture fixture;
    private Pkcs11CoreComponent core;

    @BeforeEach
    void startCore() {
        fixture = SoftHsmFixture.shared();
        core = new Pkcs11CoreComponent();
    }

    @AfterEach
    void stopCore() {
        core.deactivate();
    }

    @Test
    void theInstalledLibraryIsAtAWellKnownLocationAndDetectedByFileName() {
        Path installed = fixture.library();
        assertTrue(adapter.profile().libraryLocations().contains(installed), installed.toString());
        assertTrue(adapter.profile().matchesFileName(installed));
    }

    @Test
    void aLibraryLoadedWithTheGenericProfileIsRecognisedByItsManufacturer() throws Exception {
        // the runtime's last resort before the generic profile: load, read C_GetInfo, ask the adapters
        String manufacturer;
        try (Pkcs11Library probe = core.acquire(fixture.library(), null)) {
            assertEquals("generic", probe.info().vendorProfile());
            manufacturer = probe.info().manufacturer();
        }
        assertTrue(adapter.profile().matchesManufacturer(manufacturer), "C_GetInfo manufacturer '" + manufacturer + "'");
    }

    @Test
    void signsWithATokenKeyUnderTheSoftHsmProfile() throws Exception {
        try (Pkcs11Library library = core.acquire(fixture.library(), adapter);
             TokenConnection connection = library.connect(TokenSelector.byLabel(SoftHsmFixture.TOKEN_A),
                     LoginSpec.user(SoftHsmFixture.USER_PIN::toCharArray), PoolSettings.of(2, Duration.ofSeconds(5)))) {
            LibraryInfo info = library.info();
            assertEquals("softhsm", info.vendorProfile());
            assertTrue(info.initializedByUs());

            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(connection.privateKey(KeyRef.byLabel(SoftHsmFixture.EC_256)));
            signer.update(new byte[] {4, 5, 6});
            byte[] signature = signer.sign();

            Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
            verifier.initVerify(fixture.certificate(SoftHsmFixture.EC_256).getPublicKey());
            verifier.update(new byte[] {4, 5, 6});
            assertTrue(verifier.verify(signature));
        }
    }

    @Test
    void theLastUserReleasingTheLibraryFinalizesAndUnloadsItAsThePolicySays() throws Exception {
        try (Pkcs11Library library = core.acquire(fixture.library(), adapter)) {
            assertEquals(1, core.loaded().size());
        }
        assertTrue(core.loaded().isEmpty(), "forgotten after the last reference");
        assertFalse(Files.readString(Path.of("/proc/self/maps")).contains("libsofthsm2"),
                "finalizeWhenUnused and no NEVER_UNLOAD quirk: libsofthsm2 is unmapped");
    }
}
