package io.hsmgate.pkcs11;

/**
 * Supplies the PIN each time the core must log in (first login, and again after the token lost the login).
 * The core clears the returned array right after C_Login; the source keeps its own copy, sealed as it sees fit.
 */
@FunctionalInterface
public interface PinSource {
    /**
     * @return a fresh copy of the PIN, which the caller clears after use
     * @throws HsmAuthenticationException if no PIN can be supplied
     */
    char[] pin() throws HsmAuthenticationException;
}
