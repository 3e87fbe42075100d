package io.hsmgate.model.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.DesiredState;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.Preview;
import io.hsmgate.model.PrivateKeyInput;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.ProxyServerInput;
import io.hsmgate.model.RunningConfigurationListener;
import java.time.Instant;
import io.hsmgate.model.ValidationException;
import org.osgi.framework.BundleContext;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.model.SshPrivateKey;
import io.hsmgate.model.StorageException;
import io.hsmgate.model.TlsCertificate;
import io.hsmgate.model.TlsCertificateInput;
import io.hsmgate.model.spi.ConfigurationStore;
import io.hsmgate.model.spi.StoreTransaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration service over a {@link ConfigurationStore}: each call is one store transaction, so it is
 * durable and audited when it returns. Push listeners are called after the push is durable.
 */
@Component(service = ConfigurationService.class)
public final class StoredConfigurationService implements ConfigurationService {

    private static final Logger LOG = LoggerFactory.getLogger(StoredConfigurationService.class);

    private final ConfigurationStore store;
    private final ConnectionEditor connections;
    private final PrivateKeyEditor privateKeys;
    private final TlsCertificateEditor tlsCertificates;
    private final ProxyServerEditor proxyServers;
    private final Revisions revisions;

    private final ListenerWhiteboard listeners;

    /**
     * Listeners are looked up when there is something to tell them, not injected: a listener component that
     * itself needs this service (the runtime, the proxy) would otherwise form a reference cycle for SCR.
     */
    @Activate
    public StoredConfigurationService(@Reference(name = "store") ConfigurationStore store, BundleContext context) {
        this(store, Clock.systemUTC(), ListenerWhiteboard.of(context));
    }

    /** Without a framework and without listeners. */
    public StoredConfigurationService(ConfigurationStore store) {
        this(store, Clock.systemUTC(), ListenerWhiteboard.fixed(List.of()));
    }

    /** For tests: a fixed clock and listeners without a framework. */
    public StoredConfigurationService(ConfigurationStore store, Clock clock,
            List<RunningConfigurationListener> listeners) {
        this(store, clock, ListenerWhiteboard.fixed(listeners));
    }

    private StoredConfigurationService(ConfigurationStore store, Clock clock, ListenerWhiteboard listeners) {
        this.store = store;
        this.connections = new ConnectionEditor(store, clock);
        this.privateKeys = new PrivateKeyEditor(store, clock);
        this.tlsCertificates = new TlsCertificateEditor(store, clock);
        this.proxyServers = new ProxyServerEditor(store, clock);
        this.revisions = new Revisions(store, clock);
        this.listeners = listeners;
    }

    @Override
    public List<HsmConnection> connections() {
        return connections.list();
    }

    @Override
    public Optional<HsmConnection> connection(UUID id) {
        return connections.get(id);
    }

    @Override
    public HsmConnection createConnection(HsmConnectionInput input, Actor actor) throws ConfigurationException {
        return connections.create(input, actor);
    }

    @Override
    public HsmConnection updateConnection(UUID id, long basedOnVersion, HsmConnectionInput input, Actor actor)
            throws ConfigurationException {
        return connections.update(id, basedOnVersion, input, actor);
    }

    @Override
    public void deleteConnection(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        connections.delete(id, basedOnVersion, actor);
    }

    @Override
    public List<SshPrivateKey> privateKeys() {
        return privateKeys.list();
    }

    @Override
    public Optional<SshPrivateKey> privateKey(UUID id) {
        return privateKeys.get(id);
    }

    @Override
    public SshPrivateKey createPrivateKey(PrivateKeyInput input, Actor actor) throws ConfigurationException {
        return privateKeys.create(input, actor);
    }

    @Override
    public SshPrivateKey updatePrivateKey(UUID id, long basedOnVersion, PrivateKeyInput input, Actor actor)
            throws ConfigurationException {
        return privateKeys.update(id, basedOnVersion, input, actor);
    }

    @Override
    public void deletePrivateKey(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        privateKeys.delete(id, basedOnVersion, actor);
    }

    @Override
    public List<TlsCertificate> tlsCertificates() {
        return tlsCertificates.list();
    }

    @Override
    public Optional<TlsCertificate> tlsCertificate(UUID id) {
        return tlsCertificates.get(id);
    }

    @Override
    public TlsCertificate createTlsCertificate(TlsCertificateInput input, Actor actor) throws ConfigurationException {
        return tlsCertificates.create(input, actor);
    }

    @Override
    public TlsCertificate updateTlsCertificate(UUID id, long basedOnVersion, TlsCertificateInput input, Actor actor)
            throws ConfigurationException {
        return tlsCertificates.update(id, basedOnVersion, input, actor);
    }

    @Override
    public void deleteTlsCertificate(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        tlsCertificates.delete(id, basedOnVersion, actor);
    }

    @Override
    public List<ProxyServer> proxyServers() {
        return proxyServers.list();
    }

    @Override
    public Optional<ProxyServer> proxyServer(UUID id) {
        return proxyServers.get(id);
    }

    @Override
    public ProxyServer createProxyServer(ProxyServerInput input, Actor actor) throws ConfigurationException {
        return proxyServers.create(input, actor);
    }

    @Override
    public ProxyServer updateProxyServer(UUID id, long basedOnVersion, ProxyServerInput input, Actor actor)
            throws ConfigurationException {
        return proxyServers.update(id, basedOnVersion, input, actor);
    }

    @Override
    public void deleteProxyServer(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException {
        proxyServers.delete(id, basedOnVersion, actor);
    }

    @Override
    public Preview preview() throws StorageException {
        return revisions.preview();
    }

    @Override
    public RunningRevision push(Actor actor) throws ConfigurationException {
        Revisions.PushResult result = revisions.push(actor);
        if (result.pushed()) {
            listeners.tell(listener -> {
                try {
                    listener.pushed(result.revision());
                } catch (RuntimeException e) {
                    LOG.warn("listener {} failed on revision {}", listener, result.revision().number(), e);
                }
            });
        }
        return result.revision();
    }

    @Override
    public RunningRevision running() {
        return revisions.running();
    }

    @Override
    public char[] runningPin(UUID connectionId) throws ConfigurationException {
        return revisions.runningPin(connectionId);
    }

    @Override
    public void validateConnection(HsmConnectionInput input, boolean pinStored) throws ValidationException {
        FieldErrors errors = new FieldErrors();
        Instant now = Instant.EPOCH;
        ConnectionRules.normalise(input, new UUID(0, 0), now, now, 0, pinStored, errors);
        errors.throwIfAny();
    }

    @Override
    public char[] candidatePin(UUID connectionId) throws ConfigurationException {
        return revisions.candidatePin(connectionId);
    }

    @Override
    public char[] runningPrivateKeyPem(ItemType type, UUID id) throws ConfigurationException {
        return revisions.runningPrivateKeyPem(type, id);
    }

    @Override
    public DesiredState desiredState(UUID connectionId) {
        return revisions.desiredState(connectionId);
    }

    @Override
    public void setDesiredState(UUID connectionId, DesiredState state, Actor actor) throws ConfigurationException {
        if (revisions.setDesiredState(connectionId, state, actor)) {
            listeners.tell(listener -> {
                try {
                    listener.desiredStateChanged(connectionId, state);
                } catch (RuntimeException e) {
                    LOG.warn("listener {} failed on desired state {} of connection {}", listener, state, connectionId, e);
                }
            });
        }
    }

    @Override
    public List<AuditEntry> auditLog(int limit) throws StorageException {
        return store.readAudit(limit);
    }

    @Override
    public void record(AuditEntry entry) throws StorageException {
        try {
            store.transact((StoreTransaction tx) -> {
                tx.audit(entry);
                return null;
            });
        } catch (StorageException e) {
            throw e;
        } catch (ConfigurationException e) {
            throw new StorageException("could not record the audit entry: " + e.getMessage(), e);
        }
    }

}
