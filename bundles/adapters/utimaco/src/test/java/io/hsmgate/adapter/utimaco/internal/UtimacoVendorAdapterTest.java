package io.hsmgate.adapter.utimaco.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.HsmAuthenticationException;
import io.hsmgate.pkcs11.internal.binding.ReturnCodes;
import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.testing.VendorAdapterContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Utimaco facts of vendors.md as the adapter states them, and what the core makes of them. */
class UtimacoVendorAdapterTest {
    private final VendorProfile profile = new UtimacoVendorAdapter().profile();
    private final ReturnCodes codes = new ReturnCodes(profile);

    @Test
    void registersAsVendorUtimacoAndKeepsTheAdapterContract() {
        VendorAdapterContract.verify(new UtimacoVendorAdapter(), "utimaco");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/local/lib/libcs_pkcs11_R2.so", "/opt/utimaco/lib/libcs_pkcs11_R3.so",
            "/lib/libcs_pkcs11_R3.so", "/srv/hsm/libcs_pkcs11_R3.so"})
    void detectsBothLibraryGenerationsByFileName(String library) {
        assertTrue(profile.matchesFileName(Path.of(library)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/utimaco/cs_pkcs11_R2.cfg", "/usr/local/lib/libcs_pkcs11_R1.so",
            "/usr/lib/softhsm/libsofthsm2.so", "/opt/fxpkcs11/x64/OpenSSL-3.x/libfxpkcs11.so"})
    void doesNotClaimOtherFiles(String file) {
        assertFalse(profile.matchesFileName(Path.of(file)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Utimaco IS GmbH", "UTIMACO IS GMBH                 "})
    void detectsUtimacoByManufacturer(String manufacturerId) {
        assertTrue(profile.matchesManufacturer(manufacturerId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SoftHSM", "SafeNet, Inc."})
    void doesNotClaimOtherManufacturers(String manufacturerId) {
        assertFalse(profile.matchesManufacturer(manufacturerId));
    }

    @Test
    void requiresNeitherConfigurationVariableBecauseOneProfileServesR2AndR3() {
        assertTrue(profile.environment().isEmpty(), profile.environment().toString());
        assertTrue(profile.requiredFiles().isEmpty(), profile.requiredFiles().toString());
    }

    @Test
    void usesTheStandardInitializePolicy() {
        assertEquals(InitializePolicy.standard(), profile.initialize());
        assertTrue(profile.quirks().isEmpty());
    }

    @Test
    void knowsTheAdministratorUserType() {
        assertEquals(Map.of("CS_GENERIC", 0x83L), profile.login().userTypes());
        assertFalse(profile.login().loginEvenIfNotRequired());
        assertFalse(profile.login().pinExpiredAfterLogin());
    }

    @Test
    void aPinThatWasNeverChangedIsACredentialProblemWithAName() {
        assertEquals("CKR_PIN_TOO_WEAK", codes.name(0x1B8L));
        assertEquals(ErrorClass.CREDENTIAL, codes.classify(0x1B8L));
        assertInstanceOf(HsmAuthenticationException.class, codes.toException("C_Login", 0x1B8L));
    }

    @Test
    void anIdleSessionThatExpiredIsATokenErrorTheCoreRecoversFrom() {
        // without KeepAlive Utimaco drops idle sessions after 15 minutes with CKR_USER_NOT_LOGGED_IN (0x101)
        assertEquals(ErrorClass.TOKEN, codes.classify(0x101L));
    }
}
