package io.hsmgate.adapter.thales.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.UnsupportedMechanismException;
import io.hsmgate.pkcs11.internal.binding.ReturnCodes;
import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.Quirk;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.testing.VendorAdapterContract;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The nShield facts of vendors.md as the adapter states them, and what the core makes of them. */
class NShieldVendorAdapterTest {
    private final VendorProfile profile = new NShieldVendorAdapter().profile();
    private final ReturnCodes codes = new ReturnCodes(profile);

    @Test
    void registersAsVendorThalesAndKeepsTheAdapterContract() {
        VendorAdapterContract.verify(new NShieldVendorAdapter(), "thales");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/nfast/toolkits/pkcs11/libcknfast.so", "/usr/local/lib/libcknfast.so"})
    void detectsCknfastByFileName(String library) {
        assertTrue(profile.matchesFileName(Path.of(library)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/safenet/lunaclient/lib/libCryptoki2_64.so", "/opt/nfast/cknfastrc",
            "/usr/lib/softhsm/libsofthsm2.so"})
    void doesNotClaimOtherFiles(String file) {
        assertFalse(profile.matchesFileName(Path.of(file)));
    }

    @Test
    void hasNoManufacturerPrefixBecauseVendorsMdDoesNotRecordOne() {
        assertTrue(profile.manufacturerPrefixes().isEmpty());
        assertFalse(profile.matchesManufacturer("SoftHSM"));
    }

    @Test
    void requiresNothingBecauseCknfastrcAndTheCknfastVariablesAreOptional() {
        assertTrue(profile.environment().isEmpty(), profile.environment().toString());
        assertTrue(profile.requiredFiles().isEmpty(), profile.requiredFiles().toString());
    }

    @Test
    void finalizesWhenUnusedSoAReloadShowsKeysMadeByOtherProcesses() {
        assertEquals(InitializePolicy.standard(), profile.initialize());
        assertFalse(profile.has(Quirk.NEVER_UNLOAD));
    }

    @Test
    void neverForcesALoginOnTheAcceleratorSlot() {
        assertFalse(profile.login().loginEvenIfNotRequired(), "C_Login on the accelerator slot always fails");
        assertTrue(profile.login().userTypes().isEmpty());
    }

    @Test
    void readsAttributesOneAtATimeAndUnwrapsFipsCodes() {
        assertEquals(Set.of(Quirk.ATTRIBUTES_ONE_AT_A_TIME, Quirk.VENDOR_BIT_WRAPS_STANDARD_CODES), profile.quirks());
        assertTrue(profile.returnCodes().isEmpty(), "FIPS codes are decoded by the quirk, not a table");
    }

    @Test
    void theCoreDecodesFipsCodesAsTheStandardCodeTheyWrap() {
        // CKR_FIPS_* = 0x80000000 | standard code; vendors.md lists 0x800000D1, 0x80000070, 0x800000E0, 0x80000054
        assertEquals("CKR_TEMPLATE_INCONSISTENT(0x800000d1)", codes.name(0x800000D1L));
        assertEquals("CKR_MECHANISM_INVALID(0x80000070)", codes.name(0x80000070L));
        assertEquals("CKR_TOKEN_NOT_PRESENT(0x800000e0)", codes.name(0x800000E0L));
        assertEquals("CKR_FUNCTION_NOT_SUPPORTED(0x80000054)", codes.name(0x80000054L));
        assertEquals(ErrorClass.TOKEN, codes.classify(0x800000E0L), "token gone: the core resolves it again");
        assertInstanceOf(HsmOfflineException.class, codes.toException("C_Sign", 0x800000E0L));
        assertInstanceOf(UnsupportedMechanismException.class, codes.toException("C_SignInit", 0x80000070L));
    }

    @Test
    void withoutTheQuirkTheSameCodeWouldBeAnUnknownVendorCode() {
        ReturnCodes generic = new ReturnCodes(VendorProfile.generic());
        assertEquals("0x800000e0", generic.name(0x800000E0L));
        assertEquals(ErrorClass.PERMANENT, generic.classify(0x800000E0L));
    }
}
