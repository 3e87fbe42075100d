package io.hsmgate.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The configuration of hsmgate. All create, update and delete calls change the candidate configuration;
 * {@link #preview()} shows what {@link #push(Actor)} would change in the running revision, which is all the
 * runtime reads. Every change is durable when the call returns and is audited with the given actor.
 * <p>
 * Updates and deletes carry the {@code version} of the item they were based on; a stale one is refused with a
 * {@link ConflictException}. Lists are sorted by name, ignoring case.
 */
@ProviderType
public interface ConfigurationService {

    // HSM connections (candidate)

    List<HsmConnection> connections();

    Optional<HsmConnection> connection(UUID id);

    /**
     * @throws ValidationException listing every rule the input breaks
     * @throws ConflictException if another HSM connection has the name (ignoring case)
     * @throws StorageException if the change could not be made durable
     */
    HsmConnection createConnection(HsmConnectionInput input, Actor actor) throws ConfigurationException;

    /**
     * Checks unsaved connection values against every rule a save would apply except name uniqueness (for testing
     * values from a form before saving them); stores nothing.
     *
     * @param pinStored whether the values are an edit of a connection whose PIN is stored, so an omitted PIN is fine
     * @throws ValidationException listing every rule the values break
     */
    void validateConnection(HsmConnectionInput input, boolean pinStored) throws ValidationException;

    /**
     * A null {@code pin} keeps the stored PIN.
     *
     * @throws NotFoundException if there is no such connection
     * @throws ConflictException if {@code basedOnVersion} is stale or the name is taken
     * @throws ValidationException listing every rule the input breaks
     * @throws StorageException if the change could not be made durable
     */
    HsmConnection updateConnection(UUID id, long basedOnVersion, HsmConnectionInput input, Actor actor)
            throws ConfigurationException;

    /**
     * @throws NotFoundException if there is no such connection
     * @throws ConflictException if {@code basedOnVersion} is stale
     * @throws ReferencedException if a private key, TLS certificate or proxy server uses it
     * @throws StorageException if the change could not be made durable
     */
    void deleteConnection(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException;

    // Private keys (candidate); exceptions as for connections

    List<SshPrivateKey> privateKeys();

    Optional<SshPrivateKey> privateKey(UUID id);

    SshPrivateKey createPrivateKey(PrivateKeyInput input, Actor actor) throws ConfigurationException;

    SshPrivateKey updatePrivateKey(UUID id, long basedOnVersion, PrivateKeyInput input, Actor actor)
            throws ConfigurationException;

    void deletePrivateKey(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException;

    // TLS certificates (candidate); exceptions as for connections

    List<TlsCertificate> tlsCertificates();

    Optional<TlsCertificate> tlsCertificate(UUID id);

    TlsCertificate createTlsCertificate(TlsCertificateInput input, Actor actor) throws ConfigurationException;

    TlsCertificate updateTlsCertificate(UUID id, long basedOnVersion, TlsCertificateInput input, Actor actor)
            throws ConfigurationException;

    void deleteTlsCertificate(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException;

    // Proxy servers (candidate); exceptions as for connections

    List<ProxyServer> proxyServers();

    Optional<ProxyServer> proxyServer(UUID id);

    ProxyServer createProxyServer(ProxyServerInput input, Actor actor) throws ConfigurationException;

    ProxyServer updateProxyServer(UUID id, long basedOnVersion, ProxyServerInput input, Actor actor)
            throws ConfigurationException;

    void deleteProxyServer(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException;

    // Candidate and running

    /**
     * What a push would change, item by item, and which running connections it affects.
     *
     * @throws StorageException if a sealed secret cannot be opened to compare it (wrong secret key)
     */
    Preview preview() throws StorageException;

    /**
     * Makes the candidate the new running revision (numbered, with actor and time) and tells every
     * {@link RunningConfigurationListener}. With nothing to push it returns the current running revision.
     *
     * @throws ValidationException if the candidate has references to missing items (each one listed)
     * @throws StorageException if the revision could not be made durable
     */
    RunningRevision push(Actor actor) throws ConfigurationException;

    /** The current running revision (number 0 and empty before the first push). */
    RunningRevision running();

    /**
     * The PIN of a connection in the running revision, as a fresh array the caller clears after login.
     *
     * @throws NotFoundException if the running revision has no such connection
     * @throws StorageException if the sealed PIN cannot be opened (wrong secret key)
     */
    char[] runningPin(UUID connectionId) throws ConfigurationException;

    /**
     * The PIN of a saved (candidate) connection, for testing it before a push; a fresh array the caller clears.
     *
     * @throws NotFoundException if there is no such connection or it has no PIN
     * @throws StorageException if the sealed PIN cannot be opened (wrong secret key)
     */
    char[] candidatePin(UUID connectionId) throws ConfigurationException;

    /**
     * The PEM (PKCS#8) private key of a running private key or TLS certificate that is not in an HSM, as a fresh
     * array the caller clears.
     *
     * @throws NotFoundException if the running revision has no such item, or it is stored in an HSM
     * @throws StorageException if the sealed key cannot be opened
     */
    char[] runningPrivateKeyPem(ItemType type, UUID id) throws ConfigurationException;

    /** The desired state of a connection; STARTED unless an operator stopped it. */
    DesiredState desiredState(UUID connectionId);

    /**
     * Records whether the connection should run; survives restarts; tells every listener.
     *
     * @throws NotFoundException if neither the candidate nor the running revision has the connection
     * @throws StorageException if the change could not be made durable
     */
    void setDesiredState(UUID connectionId, DesiredState state, Actor actor) throws ConfigurationException;

    // Audit

    /** The newest {@code limit} audit entries, newest first. */
    List<AuditEntry> auditLog(int limit) throws StorageException;

    /** Records an event from another part of hsmgate (start, stop, test, ...). */
    void record(AuditEntry entry) throws StorageException;
}
