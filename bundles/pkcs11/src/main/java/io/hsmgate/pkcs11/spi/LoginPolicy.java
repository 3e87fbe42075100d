package io.hsmgate.pkcs11.spi;

import java.util.Map;

/**
 * How the core logs in.
 *
 * @param loginEvenIfNotRequired log in even when the token does not set CKF_LOGIN_REQUIRED
 * @param userTypes vendor user types by name (e.g. "CRYPTO_USER" = 0x80000001), besides CKU_USER (1)
 * @param pinExpiredAfterLogin the token reports an expired PIN only after C_Login succeeded, so the core checks
 *        CKF_USER_PIN_TO_BE_CHANGED again after logging in
 */
public record LoginPolicy(boolean loginEvenIfNotRequired, Map<String, Long> userTypes, boolean pinExpiredAfterLogin) {

    public LoginPolicy {
        userTypes = Map.copyOf(userTypes);
    }

    /** @return log in when required, CKU_USER only, no expiry check after login */
    public static LoginPolicy standard() {
        return new LoginPolicy(false, Map.of(), false);
    }
}
