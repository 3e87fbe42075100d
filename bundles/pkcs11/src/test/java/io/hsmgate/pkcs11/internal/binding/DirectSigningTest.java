package io.hsmgate.pkcs11.internal.binding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import org.junit.jupiter.api.Test;

/** SoftHSM exports C_SignInit/C_Sign as the very functions of its function list: they are direct-mapped. */
class DirectSigningTest {

    @Test
    void softHsmGetsTheDirectPathAndHandsItBackWhenUnloaded() throws Exception {
        Cryptoki first = Cryptoki.load(SoftHsmFixture.shared().library(), new ReturnCodes(VendorProfile.generic()));
        assertTrue(first.directSigning(), "C_SignInit and C_Sign are direct-mapped for SoftHSM");
        first.unload();
        Cryptoki again = Cryptoki.load(SoftHsmFixture.shared().library(), new ReturnCodes(VendorProfile.generic()));
        try {
            assertTrue(again.directSigning(), "released on unload, so the next load gets it again");
        } finally {
            again.unload();
        }
    }
}
