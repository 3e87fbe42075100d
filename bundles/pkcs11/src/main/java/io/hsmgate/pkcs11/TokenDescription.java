package io.hsmgate.pkcs11;

import java.util.List;

/**
 * A token as C_GetTokenInfo and C_GetMechanismList describe it. Strings are blank-trimmed.
 *
 * @param slotId the slot it is in (valid only for the current library generation)
 * @param label token label
 * @param serial serial number
 * @param model model
 * @param manufacturer manufacturerID
 * @param flags CK_TOKEN_INFO flags (see {@link #has(long)})
 * @param maxSessionCount ulMaxSessionCount: 0 = no limit (CK_EFFECTIVELY_INFINITE), -1 = unknown
 * @param sessionCount ulSessionCount, -1 = unknown
 * @param minPinLength ulMinPinLen
 * @param maxPinLength ulMaxPinLen
 * @param mechanisms mechanism names supported (CKM_... or hex for vendor mechanisms)
 */
public record TokenDescription(long slotId, String label, String serial, String model, String manufacturer,
                               long flags, long maxSessionCount, long sessionCount, long minPinLength,
                               long maxPinLength, List<String> mechanisms) {

    public static final long CKF_LOGIN_REQUIRED = 0x4;
    public static final long CKF_USER_PIN_INITIALIZED = 0x8;
    public static final long CKF_PROTECTED_AUTHENTICATION_PATH = 0x100;
    public static final long CKF_TOKEN_INITIALIZED = 0x400;
    public static final long CKF_USER_PIN_COUNT_LOW = 0x10000;
    public static final long CKF_USER_PIN_FINAL_TRY = 0x20000;
    public static final long CKF_USER_PIN_LOCKED = 0x40000;
    public static final long CKF_USER_PIN_TO_BE_CHANGED = 0x80000;

    public TokenDescription {
        mechanisms = List.copyOf(mechanisms);
    }

    /** @return true when every bit of {@code flag} is set in {@link #flags()} */
    public boolean has(long flag) {
        return (flags & flag) == flag;
    }
}
