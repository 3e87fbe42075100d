package io.hsmgate.pkcs11.spi;

/**
 * How the core initialises and finalises the library.
 *
 * @param osLockingOk pass CKF_OS_LOCKING_OK to C_Initialize (the normal case for a multi-threaded caller)
 * @param finalizeWhenUnused call C_Finalize when the last user releases the library (only if we initialised it)
 * @param minReinitializeInterval least milliseconds between two recovery re-initialisations
 */
public record InitializePolicy(boolean osLockingOk, boolean finalizeWhenUnused, long minReinitializeInterval) {

    /** @return OS locking, finalize when unused, at most one recovery re-initialisation per 5 s */
    public static InitializePolicy standard() {
        return new InitializePolicy(true, true, 5_000);
    }
}
