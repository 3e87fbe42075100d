package io.hsmgate.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.pkcs11.TokenDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenViewTest {

    @Test
    void namesTheTokenFlagsThatAreSet() {
        long flags = TokenDescription.CKF_LOGIN_REQUIRED | TokenDescription.CKF_USER_PIN_INITIALIZED
                | TokenDescription.CKF_TOKEN_INITIALIZED | 0x1;
        TokenView view = TokenView.of(new SlotDescription(7, "slot", "SoftHSM", 1,
                new TokenDescription(7, "hsmgate-a", "95e3", "SoftHSM v2", "SoftHSM project", flags, 0, 2, 4, 255,
                        List.of("CKM_RSA_PKCS"))));
        assertEquals(List.of("CKF_RNG", "CKF_LOGIN_REQUIRED", "CKF_USER_PIN_INITIALIZED", "CKF_TOKEN_INITIALIZED"),
                view.flags());
        assertEquals("hsmgate-a", view.label());
        assertEquals(2L, view.sessions());
    }

    @Test
    void aSlotWithoutTokenHasNoTokenProperties() {
        TokenView empty = TokenView.of(new SlotDescription(1, "empty slot", "x", 0, null));
        assertFalse(empty.tokenPresent());
        assertNull(empty.label());
        assertNull(empty.flags());
    }
}
