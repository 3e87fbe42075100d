package io.hsmgate.pkcs11;

import java.util.Objects;

/**
 * How a connection logs in to its token. {@code toString()} never shows the PIN.
 *
 * @param mode whether to log in and how the PIN is given
 * @param userType the CK_USER_TYPE for C_Login: CKU_USER (1) or a vendor user type from the adapter
 * @param pin the PIN source for {@link Mode#PIN}; null otherwise
 */
public record LoginSpec(Mode mode, long userType, PinSource pin) {

    /** CKU_USER, the normal user. */
    public static final long CKU_USER = 1;

    /** How the login happens. */
    public enum Mode {
        /** do not log in (public objects or tokens without CKF_LOGIN_REQUIRED) */
        NONE,
        /** C_Login with the PIN from the {@link PinSource} */
        PIN,
        /** C_Login with a NULL PIN: the token has a protected authentication path (PIN pad, PED) */
        PROTECTED_AUTHENTICATION_PATH
    }

    public LoginSpec {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.PIN) {
            Objects.requireNonNull(pin, "a PIN login needs a PIN source");
        }
    }

    /** @return no login */
    public static LoginSpec none() {
        return new LoginSpec(Mode.NONE, CKU_USER, null);
    }

    /** @return a CKU_USER login with the PIN from {@code pin} */
    public static LoginSpec user(PinSource pin) {
        return new LoginSpec(Mode.PIN, CKU_USER, pin);
    }

    /** @return a CKU_USER login through the token's protected authentication path (NULL PIN) */
    public static LoginSpec protectedPath() {
        return new LoginSpec(Mode.PROTECTED_AUTHENTICATION_PATH, CKU_USER, null);
    }

    @Override
    public String toString() {
        return "LoginSpec[mode=" + mode + ", userType=0x" + Long.toHexString(userType) + "]";
    }
}
