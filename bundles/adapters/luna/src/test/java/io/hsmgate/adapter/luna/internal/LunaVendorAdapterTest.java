package io.hsmgate.adapter.luna.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.HsmAuthenticationException;
import io.hsmgate.pkcs11.internal.binding.ReturnCodes;
import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.Quirk;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.spi.VendorReturnCode;
import io.hsmgate.pkcs11.testing.VendorAdapterContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Luna facts of vendors.md as the adapter states them, and what the core makes of them. */
class LunaVendorAdapterTest {
    private final VendorProfile profile = new LunaVendorAdapter().profile();
    private final ReturnCodes codes = new ReturnCodes(profile);

    @Test
    void registersAsVendorLunaAndKeepsTheAdapterContract() {
        VendorAdapterContract.verify(new LunaVendorAdapter(), "luna");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/safenet/lunaclient/lib/libCryptoki2_64.so", "/usr/lunasa/lib/libCryptoki2_64.so",
            "/opt/luna/libCryptoki2_64.so", "/usr/safenet/lunaclient/lib/libCryptoki2.so"})
    void detectsTheLunaClientLibraryByFileName(String library) {
        assertTrue(profile.matchesFileName(Path.of(library)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/lib/softhsm/libsofthsm2.so", "/opt/nfast/toolkits/pkcs11/libcknfast.so",
            "/usr/safenet/lunaclient/lib/libcryptoki2_64.so", "/etc/Chrystoki.conf"})
    void doesNotClaimOtherFiles(String file) {
        // the match is case-sensitive, as file names on Linux are
        assertFalse(profile.matchesFileName(Path.of(file)));
    }

    @Test
    void hasNoManufacturerPrefixBecauseVendorsMdDoesNotRecordOne() {
        assertTrue(profile.manufacturerPrefixes().isEmpty());
        assertFalse(profile.matchesManufacturer("SoftHSM"));
    }

    @Test
    void requiresNoVariableBecauseChrystokiConfigurationPathIsNeededOnlyForARelocatedClient() {
        assertTrue(profile.environment().isEmpty(), profile.environment().toString());
        assertTrue(profile.requiredFiles().isEmpty(), profile.requiredFiles().toString());
    }

    @Test
    void neverFinalizesWhenUnusedAndNeverUnloads() {
        assertTrue(profile.initialize().osLockingOk());
        assertFalse(profile.initialize().finalizeWhenUnused(), "teardown can crash the process");
        assertTrue(profile.has(Quirk.NEVER_UNLOAD));
    }

    @Test
    void offersThePartitionRolesAsVendorUserTypes() {
        assertEquals(Map.of("CRYPTO_USER", 0x80000001L, "AUDIT", 0x80000002L, "LIMITED_CRYPTO_OFFICER", 0x80000003L),
                profile.login().userTypes());
    }

    @Test
    void checksForAnExpiredPinAfterASuccessfulLogin() {
        assertTrue(profile.login().pinExpiredAfterLogin());
        assertFalse(profile.login().loginEvenIfNotRequired());
    }

    @Test
    void treatsExactlyTheRetryableCodesOfVendorsMdAsTransient() {
        Set<Long> transientCodes = profile.returnCodes().values().stream()
                .filter(c -> c.errorClass() == ErrorClass.TRANSIENT).map(VendorReturnCode::code)
                .collect(Collectors.toSet());
        assertEquals(Set.of(0x8000001FL, 0x80000024L, 0x8000002BL, 0x80000041L, 0x80001604L), transientCodes);
    }

    @Test
    void theCoreNamesAndClassifiesLunaCodes() {
        assertEquals("CKR_TIMEOUT", codes.name(0x80000024L));
        assertEquals(ErrorClass.TRANSIENT, codes.classify(0x80000024L));
        assertEquals("CKR_BUSY", codes.name(0x80001604L));
        assertEquals(ErrorClass.TRANSIENT, codes.classify(0x80001604L));
        assertEquals("CKR_ECC_POINT_INVALID", codes.name(0x8000002FL));
        assertEquals(ErrorClass.PERMANENT, codes.classify(0x8000002FL));
        assertEquals(ErrorClass.PERMANENT, codes.classify(0x80000028L));
    }

    @Test
    void aLockedOutUserIsACredentialProblemTheCoreNeverRetries() {
        assertEquals(ErrorClass.CREDENTIAL, codes.classify(0x80000007L));
        assertInstanceOf(HsmAuthenticationException.class, codes.toException("C_Login", 0x80000007L));
    }

    @Test
    void anUnknownLunaCodeIsShownInHexAndNotRetried() {
        assertEquals("0x80000099", codes.name(0x80000099L));
        assertEquals(ErrorClass.PERMANENT, codes.classify(0x80000099L));
    }

    @Test
    void writesDerWrappedEcPointsAndDoesNotUnwrapVendorCodes() {
        assertTrue(profile.has(Quirk.EC_POINT_DER_WRAPPED));
        assertFalse(profile.has(Quirk.VENDOR_BIT_WRAPS_STANDARD_CODES), "Luna codes are not FIPS-wrapped standard codes");
        assertFalse(profile.has(Quirk.ATTRIBUTES_ONE_AT_A_TIME));
    }
}
