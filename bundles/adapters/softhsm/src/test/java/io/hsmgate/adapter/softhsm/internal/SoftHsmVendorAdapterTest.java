package io.hsmgate.adapter.softhsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.testing.VendorAdapterContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SoftHSM2 facts of vendors.md as the adapter states them. */
class SoftHsmVendorAdapterTest {
    private final VendorProfile profile = new SoftHsmVendorAdapter().profile();

    @Test
    void registersAsVendorSofthsmAndKeepsTheAdapterContract() {
        VendorAdapterContract.verify(new SoftHsmVendorAdapter(), "softhsm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so", "/usr/lib64/pkcs11/libsofthsm2.so", "/opt/elsewhere/libsofthsm2.so"})
    void detectsSoftHsm2ByFileNameWherever(String library) {
        assertTrue(profile.matchesFileName(Path.of(library)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/safenet/lunaclient/lib/libCryptoki2_64.so", "/usr/lib/libsofthsm.so",
            "/etc/softhsm/softhsm2.conf", "/usr/lib/softhsm/libsofthsm2.so.bak"})
    void doesNotClaimOtherFiles(String file) {
        // libsofthsm.so is SoftHSM v1, a different library with a different configuration
        assertFalse(profile.matchesFileName(Path.of(file)));
    }

    @Test
    void listsTheDebianLocationFirst() {
        assertEquals(Path.of("/usr/lib/softhsm/libsofthsm2.so"), profile.libraryLocations().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SoftHSM", "SoftHSM project", "softhsm                         "})
    void detectsSoftHsmByManufacturer(String manufacturerId) {
        assertTrue(profile.matchesManufacturer(manufacturerId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SafeNet, Inc.", "Utimaco IS GmbH", "OpenSC Project", ""})
    void doesNotClaimOtherManufacturers(String manufacturerId) {
        assertFalse(profile.matchesManufacturer(manufacturerId));
    }

    @Test
    void needsNoEnvironmentVariableOrFileBecauseSoftHsmHasFallbackConfigurations() {
        assertTrue(profile.environment().isEmpty(), profile.environment().toString());
        assertTrue(profile.requiredFiles().isEmpty(), profile.requiredFiles().toString());
    }

    @Test
    void usesOsLockingAndFinalizesWhenUnusedSoReloadShowsNewTokens() {
        InitializePolicy initialize = profile.initialize();
        assertTrue(initialize.osLockingOk(), "C_Initialize without CKF_OS_LOCKING_OK means no locking in SoftHSM");
        assertTrue(initialize.finalizeWhenUnused());
        assertEquals(InitializePolicy.standard(), initialize);
    }

    @Test
    void logsInTheStandardWayWithNoVendorUserTypes() {
        assertEquals(LoginPolicy.standard(), profile.login());
        assertTrue(profile.login().userTypes().isEmpty());
    }

    @Test
    void hasNoVendorCodesAndNoQuirks() {
        assertTrue(profile.returnCodes().isEmpty());
        assertTrue(profile.quirks().isEmpty());
    }
}
