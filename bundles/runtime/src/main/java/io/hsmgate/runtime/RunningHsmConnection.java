package io.hsmgate.runtime;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.SigningMechanism;
import java.security.cert.X509Certificate;
import java.util.UUID;
import javax.net.ssl.X509KeyManager;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An HSM connection that is RUNNING (or DEGRADED), registered as an OSGi service with the properties
 * {@value #ID_PROPERTY} and {@value #NAME_PROPERTY}; unregistered when it stops. Consumers (proxy servers)
 * look it up by name or id and sign through it. Calls survive a restart of the connection: they go to the
 * newest session pool, and calls already admitted to the old one complete before it closes.
 */
@ProviderType
public interface RunningHsmConnection {

    /** Service property: the connection's id (a UUID string). */
    String ID_PROPERTY = "hsm.connection.id";
    /** Service property: the connection's name. */
    String NAME_PROPERTY = "hsm.connection.name";

    UUID id();

    String name();

    /**
     * Signs {@code hash} with the private key {@code key} inside the HSM, counted in the connection's metrics.
     *
     * @throws HsmException if the key is missing or the HSM refuses or cannot be reached
     */
    byte[] sign(KeyRef key, SigningMechanism mechanism, byte[] hash) throws HsmException;

    /**
     * @return the private key, usable with the hsmgate JCA provider until the connection restarts
     * @throws HsmException if no key, or several, match
     */
    HsmPrivateKey privateKey(KeyRef key) throws HsmException;

    /**
     * @return the certificate stored on the token under {@code ref}
     * @throws HsmException if none matches
     */
    X509Certificate certificate(KeyRef ref) throws HsmException;

    /**
     * A key manager for JSSE that serves {@code chain} with the HSM key {@code key}, looking the key up on the
     * connection's current session pool for every handshake, so it keeps working across restarts.
     *
     * @param alias the alias JSSE sees
     * @param key the private key on the token
     * @param chain the certificate chain, leaf first
     */
    X509KeyManager keyManager(String alias, KeyRef key, X509Certificate... chain);
}
