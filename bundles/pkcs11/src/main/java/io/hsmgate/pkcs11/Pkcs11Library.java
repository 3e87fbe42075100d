package io.hsmgate.pkcs11;

import java.util.List;

/**
 * One holder's reference to a loaded and initialised PKCS#11 library, from {@link Pkcs11Libraries#acquire}.
 * Closing it releases the reference (the library is finalised when the last reference goes, if the vendor
 * policy says so and we initialised it).
 */
@org.osgi.annotation.versioning.ProviderType
public interface Pkcs11Library extends AutoCloseable {

    /** @return C_GetInfo and how this process holds the library */
    LibraryInfo info();

    /**
     * Lists every slot (not filtered on CKF_TOKEN_INITIALIZED) with its token.
     *
     * @throws HsmException if the library fails
     */
    List<SlotDescription> slots() throws HsmException;

    /**
     * Finds the one token that {@code selector} matches.
     *
     * @throws HsmConfigurationException if none matches, or a label matches several tokens (the message names their serials)
     * @throws HsmException if the library fails
     */
    TokenDescription resolve(TokenSelector selector) throws HsmException;

    /**
     * Opens a connection: resolves the token, logs in on a dedicated session and prepares the session pool. The
     * connection holds its own reference to the library.
     *
     * @throws HsmConfigurationException if the token cannot be resolved
     * @throws HsmAuthenticationException if logging in fails or is refused (locked PIN, final try, expired)
     * @throws HsmException if the library fails
     */
    TokenConnection connect(TokenSelector selector, LoginSpec login, PoolSettings pool) throws HsmException;

    /**
     * Finalises and initialises the library again (the only way to see tokens created by another process on some
     * vendors). Every token, session and handle of this library becomes invalid; open connections reconnect on
     * their next use. Waits for running loans to end first.
     *
     * @throws HsmException if C_Initialize fails afterwards
     */
    void reload() throws HsmException;

    /** Releases this reference. Idempotent. */
    @Override
    void close();
}
