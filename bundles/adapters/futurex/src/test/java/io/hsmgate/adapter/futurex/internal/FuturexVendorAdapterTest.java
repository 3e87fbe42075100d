package io.hsmgate.adapter.futurex.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.internal.library.LibraryRegistry;
import io.hsmgate.pkcs11.spi.EnvironmentRequirement;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.testing.VendorAdapterContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The (low-confidence) Futurex facts of vendors.md as the adapter states them, and the core's check of them. */
class FuturexVendorAdapterTest {
    private final FuturexVendorAdapter adapter = new FuturexVendorAdapter();
    private final VendorProfile profile = adapter.profile();

    @Test
    void registersAsVendorFuturexAndKeepsTheAdapterContract() {
        VendorAdapterContract.verify(adapter, "futurex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/fxpkcs11/x64/OpenSSL-3.x/libfxpkcs11.so", "/opt/fxpkcs11/x64/OpenSSL-1.1.x/libfxpkcs11.so",
            "/usr/lib/x86_64-linux-gnu/fxpkcs11/libfxpkcs11.so", "/usr/lib/fxpkcs11.so"})
    void detectsBothPublicAndProductDocumentationNamesByFileName(String library) {
        assertTrue(profile.matchesFileName(Path.of(library)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/fxpkcs11.cfg", "/usr/lib/softhsm/libsofthsm2.so", "/usr/local/lib/libcs_pkcs11_R2.so"})
    void doesNotClaimOtherFiles(String file) {
        assertFalse(profile.matchesFileName(Path.of(file)));
    }

    @Test
    void probesTheUnverifiedProductDocumentationPathLast() {
        List<Path> locations = profile.libraryLocations();
        assertEquals(Path.of("/usr/lib/fxpkcs11.so"), locations.get(locations.size() - 1));
    }

    @Test
    void hasNoManufacturerPrefixBecauseNoneIsKnown() {
        assertTrue(profile.manufacturerPrefixes().isEmpty());
    }

    @Test
    void requiresFxpkcs11CfgToNameAnExistingFile() {
        assertEquals(List.of(FuturexVendorAdapter.CONFIGURATION), profile.environment());
        EnvironmentRequirement requirement = profile.environment().get(0);
        assertEquals("FXPKCS11_CFG", requirement.variable());
        assertEquals(EnvironmentRequirement.Target.EXISTING_FILE, requirement.mustName());
        assertTrue(profile.requiredFiles().isEmpty(), "fxpkcs11.cfg has no fixed location");
    }

    @Test
    void theCoreRefusesToLoadTheLibraryWithoutFxpkcs11CfgAndSaysWhichVariable(@TempDir Path directory) throws Exception {
        assertNull(System.getenv("FXPKCS11_CFG"), "this test checks the refusal when FXPKCS11_CFG is unset: unset it to run the tests");
        // an empty file under the vendor's name: the check must refuse before anything is loaded
        Path library = Files.createFile(directory.resolve("libfxpkcs11.so"));
        try (LibraryRegistry registry = new LibraryRegistry()) {
            HsmConfigurationException refused = assertThrows(HsmConfigurationException.class,
                    () -> registry.acquire(library, adapter));
            assertTrue(refused.getMessage().contains("environment variable FXPKCS11_CFG must be set"), refused.getMessage());
            assertTrue(refused.getMessage().contains("fxpkcs11.cfg"), refused.getMessage());
            assertTrue(registry.loaded().isEmpty());
        }
    }

    @Test
    void statesNoVendorSpecificBehaviourItCannotSource() {
        assertEquals(InitializePolicy.standard(), profile.initialize());
        assertEquals(LoginPolicy.standard(), profile.login());
        assertTrue(profile.returnCodes().isEmpty());
        assertTrue(profile.quirks().isEmpty());
    }
}
