package io.hsmgate.pkcs11.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hsmgate.pkcs11.HsmAuthenticationException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.Pkcs11Exception;
import io.hsmgate.pkcs11.UnsupportedMechanismException;
import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.Quirk;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.spi.VendorReturnCode;
import org.junit.jupiter.api.Test;

class ReturnCodesTest {
    private final ReturnCodes generic = new ReturnCodes(VendorProfile.generic());
    private final ReturnCodes vendor = new ReturnCodes(VendorProfile.builder("v")
            .returnCodes(new VendorReturnCode(0x80000024L, "CKR_V_TIMEOUT", ErrorClass.TRANSIENT))
            .quirks(Quirk.VENDOR_BIT_WRAPS_STANDARD_CODES).build());

    @Test
    void standardCodesHaveNamesAndClasses() {
        assertEquals("CKR_SESSION_HANDLE_INVALID", generic.name(0xB3));
        assertEquals(ErrorClass.SESSION, generic.classify(0xB3));
        assertEquals(ErrorClass.TOKEN, generic.classify(0x101));
        assertEquals(ErrorClass.TOKEN, generic.classify(0xE0));
        assertEquals(ErrorClass.LIBRARY, generic.classify(0x30));
        assertEquals(ErrorClass.LIBRARY, generic.classify(0x190));
        assertEquals(ErrorClass.CREDENTIAL, generic.classify(0xA0));
        assertEquals(ErrorClass.CREDENTIAL, generic.classify(0xA4));
    }

    @Test
    void unknownVendorCodesAreHexAndNeverRetried() {
        assertEquals("0x8000001f", generic.name(0x8000001FL));
        assertEquals(ErrorClass.PERMANENT, generic.classify(0x8000001FL));
    }

    @Test
    void vendorCodesComeFromTheProfile() {
        assertEquals("CKR_V_TIMEOUT", vendor.name(0x80000024L));
        assertEquals(ErrorClass.TRANSIENT, vendor.classify(0x80000024L));
        assertEquals("CKR_DEVICE_ERROR(0x80000030)", vendor.name(0x80000030L));
        assertEquals(ErrorClass.LIBRARY, vendor.classify(0x80000030L));
    }

    @Test
    void exceptionsSayWhatTheOperatorMustDo() {
        assertInstanceOf(HsmAuthenticationException.class, generic.toException("C_Login", 0xA0));
        assertEquals(HsmAuthenticationException.Reason.PIN_EXPIRED,
                ((HsmAuthenticationException) generic.toException("C_Login", 0xA3)).reason());
        assertInstanceOf(HsmOfflineException.class, generic.toException("C_Sign", 0xE0));
        assertInstanceOf(UnsupportedMechanismException.class, generic.toException("C_SignInit", 0x70));
        Pkcs11Exception e = (Pkcs11Exception) generic.toException("C_Sign", 0x8000001FL);
        assertEquals(0x8000001FL, e.code());
        assertEquals("C_Sign", e.function());
        assertEquals("C_Sign failed (0x8000001f)", e.getMessage());
    }
}
