package io.hsmgate.runtime;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.SlotDescription;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The running side of hsmgate: one running connection per HSM connection of the pushed configuration whose
 * desired state is started. Start and stop change the persisted desired state; everything else reads it.
 */
@ProviderType
public interface HsmConnectionRuntime {

    /** @return every connection of the running revision with its state, sorted by name */
    List<ConnectionOverview> connections();

    /** @return the connection of the running revision with this id, if any */
    Optional<ConnectionOverview> connection(UUID id);

    /**
     * Records the desired state STARTED and starts the connection in the background.
     *
     * @throws ConfigurationException if the running revision has no such connection or it cannot be recorded
     */
    void start(UUID id, Actor actor) throws ConfigurationException;

    /**
     * Records the desired state STOPPED and stops the connection: admitted calls finish, then every session closes.
     *
     * @throws ConfigurationException if the running revision has no such connection or it cannot be recorded
     */
    void stop(UUID id, Actor actor) throws ConfigurationException;

    /**
     * Restarts with the running revision's settings: the new session pool starts before the old one drains, so
     * callers see no failure. A stopped connection is started.
     *
     * @throws ConfigurationException if the running revision has no such connection
     */
    void restart(UUID id, Actor actor) throws ConfigurationException;

    /**
     * Restarts every running connection whose pushed settings differ from those it runs with (the
     * "restart affected connections" option of a push).
     *
     * @return the ids of the connections restarted
     */
    List<UUID> restartPending(Actor actor);

    /**
     * Tests a saved connection (its candidate values) step by step; the first failing step says what to fix.
     *
     * @throws ConfigurationException if there is no such connection
     */
    TestReport test(UUID id, Actor actor) throws ConfigurationException;

    /** Tests unsaved values, e.g. from a form, without storing anything. */
    TestReport test(HsmConnectionInput values, Actor actor);

    /**
     * Checks every private key and TLS certificate stored in the HSM on this running connection.
     *
     * @throws ConfigurationException if the running revision has no such connection
     */
    ValidationReport validate(UUID id, Actor actor) throws ConfigurationException;

    /**
     * Lists the slots and tokens a library offers, for discovery in the console.
     *
     * @throws HsmException if the path is not allowed or the library fails
     */
    List<SlotDescription> tokens(String libraryPath) throws HsmException;

    /** @return every connection's pool and sign metrics in the Prometheus text format */
    String prometheusMetrics();
}
