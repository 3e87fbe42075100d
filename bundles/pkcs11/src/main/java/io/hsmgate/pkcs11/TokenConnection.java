package io.hsmgate.pkcs11;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A logged-in connection to one token with its session pool. Thread-safe. Recovers by error class: a broken
 * session is dropped and the work retried once; a lost login or token is logged in / resolved again and the
 * work retried once; a library failure leads to a rate-limited re-initialisation of the library; credential
 * errors are reported and never retried.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TokenConnection extends AutoCloseable {

    /** @return the token as it was resolved at the last (re)connection */
    TokenDescription token();

    /**
     * Lends a session to {@code work} and takes it back afterwards. A borrower waits up to the borrow timeout
     * (zero = until interrupted); waiters are served in arrival order.
     *
     * @param work what to do with the session
     * @param <T> the result type
     * @return what {@code work} returned
     * @throws SessionPoolTimeoutException if no session became free in time, or the wait was interrupted
     * @throws HsmAuthenticationException if the token lost its login and logging in again failed
     * @throws HsmOfflineException if the token or library cannot be reached, even after one recovery
     * @throws HsmException any error of {@code work} that recovery did not cure
     */
    <T> T withSession(SessionWork<T> work) throws HsmException;

    /**
     * Finds a private key by CKA_ID and/or CKA_LABEL.
     *
     * @throws HsmConfigurationException if no private key, or more than one, matches
     * @throws HsmException if the token cannot be searched
     */
    HsmPrivateKey privateKey(KeyRef ref) throws HsmException;

    /**
     * Finds the certificate with the given CKA_ID and/or CKA_LABEL.
     *
     * @throws HsmConfigurationException if no certificate matches
     * @throws HsmException if the token cannot be searched or the certificate cannot be parsed
     */
    X509Certificate certificate(KeyRef ref) throws HsmException;

    /**
     * Lists private keys, public keys and certificates with their describing attributes. Reads survive vendor
     * failures by reading one attribute at a time.
     *
     * @throws HsmException if the token cannot be searched
     */
    List<ObjectDescription> listObjects() throws HsmException;

    /** @return the pool's counters now */
    PoolCounters counters();

    /**
     * @return true when the last login presented the PIN and the token accepted it; false when no login was made
     *         or the token was already logged in by this process (PKCS#11 keeps one login per token and process,
     *         so a second connection's PIN is not checked while another one is logged in)
     */
    boolean pinVerified();

    /** @return the login epoch: incremented on every re-login or reconnection; cached handles of older epochs are stale */
    long epoch();

    /**
     * Drops every session, resolves the token again and logs in again.
     *
     * @throws HsmException if the token cannot be resolved or logged in to
     */
    void reconnect() throws HsmException;

    /**
     * Waits for loans up to the close timeout, closes every session (which logs out), and releases the
     * library reference. Idempotent.
     */
    @Override
    void close();
}
