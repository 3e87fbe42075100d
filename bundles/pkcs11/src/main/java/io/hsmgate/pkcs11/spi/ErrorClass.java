package io.hsmgate.pkcs11.spi;

/** What the core does about a PKCS#11 return value. */
public enum ErrorClass {
    /** the session is broken (SESSION_HANDLE_INVALID, SESSION_CLOSED): drop it, retry once on another */
    SESSION,
    /** the token lost its login or went away (USER_NOT_LOGGED_IN, TOKEN_NOT_PRESENT, DEVICE_REMOVED): log in / resolve again, retry once */
    TOKEN,
    /** the library is unusable (DEVICE_ERROR, CRYPTOKI_NOT_INITIALIZED, repeated GENERAL_ERROR): re-initialise, rate-limited */
    LIBRARY,
    /** the PIN is wrong, locked or expired: stop and report, never retry */
    CREDENTIAL,
    /** a vendor code for a passing condition (busy, timeout): retry once on another session */
    TRANSIENT,
    /** anything else: report */
    PERMANENT
}
