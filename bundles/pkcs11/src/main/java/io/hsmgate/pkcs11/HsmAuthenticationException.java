package io.hsmgate.pkcs11;

/**
 * Logging in failed or was refused before trying: the operator must fix the PIN. The core never retries a
 * login that failed with one of these; a locked or final-try PIN is refused before C_Login is called.
 */
public class HsmAuthenticationException extends HsmException {
    private static final long serialVersionUID = 1L;

    /** Why the login did not succeed. */
    public enum Reason {
        /** the PIN was wrong (CKR_PIN_INCORRECT) */
        PIN_INCORRECT,
        /** the PIN is locked on the token (CKR_PIN_LOCKED or CKF_USER_PIN_LOCKED) */
        PIN_LOCKED,
        /** the token allows one more attempt only (CKF_USER_PIN_FINAL_TRY): refused without trying */
        PIN_FINAL_TRY,
        /** the PIN must be changed before use (CKR_PIN_EXPIRED or CKF_USER_PIN_TO_BE_CHANGED) */
        PIN_EXPIRED,
        /** the token needs a login and no PIN was configured */
        PIN_MISSING,
        /** any other refusal (e.g. CKR_USER_TYPE_INVALID) */
        OTHER
    }

    private final Reason reason;

    public HsmAuthenticationException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public HsmAuthenticationException(String message, Reason reason, long rv, String rvName) {
        super(message, rv, rvName, null);
        this.reason = reason;
    }

    /** @return why the login did not succeed */
    public Reason reason() {
        return reason;
    }
}
