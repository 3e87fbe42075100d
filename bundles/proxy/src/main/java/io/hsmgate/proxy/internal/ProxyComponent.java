package io.hsmgate.proxy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.server.SshServer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.ProxyServer;
import io.hsmgate.model.RunningConfigurationListener;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.proxy.ProxyServerStatus;
import io.hsmgate.proxy.ProxyServers;
import io.hsmgate.runtime.RunningHsmConnection;

/**
 * Runs the proxy servers of the running revision: a proxy's listeners are open while its HSM connection is
 * RUNNING (its {@link RunningHsmConnection} service is registered) and closed when it goes away; a push that
 * changes a proxy restarts it. All changes happen on one reconciler thread, after a push, a connection
 * service coming or going, new limits, and periodically (retrying proxies that failed to start).
 */
@Component(service = {ProxyServers.class, RunningConfigurationListener.class}, immediate = true,
        configurationPid = "io.hsmgate.proxy")
@Designate(ocd = ProxyLimits.class)
public final class ProxyComponent implements ProxyServers, RunningConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyComponent.class);

    private final ConfigurationService configuration;
    private final Credentials credentials;
    private final Map<UUID, RunningHsmConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, ListenerCounters> counters = new ConcurrentHashMap<>();
    /** Written on the reconciler thread only; read by status calls. */
    private final Map<UUID, RunningProxy> proxies = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reconciler;
    private final ThreadPoolExecutor workers;
    private volatile Limits limits;

    @Activate
    public ProxyComponent(ProxyLimits settings, @Reference ConfigurationService configuration) {
        this(Limits.of(settings), configuration);
    }

    /** For tests: limits without Configuration Admin. */
    ProxyComponent(Limits limits, ConfigurationService configuration) {
        MinaSecurity.keepBouncyCastleOut();
        this.limits = limits;
        this.configuration = configuration;
        this.credentials = new Credentials(configuration);
        this.workers = new ThreadPoolExecutor(0, limits.maxThreads(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("hsmgate-proxy-worker-"));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, named("hsmgate-proxy-reconciler-"));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.reconciler = scheduler;
        reconciler.scheduleWithFixedDelay(this::reconcileSafely, 0, limits.reconcileIntervalSeconds(), TimeUnit.SECONDS);
    }

    @Modified
    void modified(ProxyLimits settings) {
        Limits next = Limits.of(settings);
        workers.setMaximumPoolSize(next.maxThreads());
        limits = next;
        requestReconcile();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnection(RunningHsmConnection connection) {
        connections.put(connection.id(), connection);
        requestReconcile();
    }

    void removeConnection(RunningHsmConnection connection) {
        connections.remove(connection.id(), connection);
        // close at once, on this thread: the connection service is going away and must not be used after
        closeWhere(p -> p.spec().connection() == connection, "HSM connection '" + connection.name() + "' stopped");
        requestReconcile();
    }

    @Override
    public void pushed(RunningRevision revision) {
        requestReconcile();
    }

    @Override
    public List<ProxyServerStatus> servers() {
        List<ProxyServerStatus> list = new ArrayList<>();
        for (RunningProxy p : proxies.values()) {
            list.add(p.status());
        }
        list.sort(Comparator.comparing(ProxyServerStatus::name, String.CASE_INSENSITIVE_ORDER));
        return list;
    }

    @Override
    public Optional<ProxyServerStatus> server(UUID id) {
        return Optional.ofNullable(proxies.get(id)).map(RunningProxy::status);
    }

    private void requestReconcile() {
        try {
            reconciler.execute(this::reconcileSafely);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivating: every proxy is being closed anyway
        }
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (RuntimeException | LinkageError e) {
            // caught so that the periodic reconcile keeps running
            LOG.error("reconciling proxy servers failed; retried in {} s", limits.reconcileIntervalSeconds(), e);
        }
    }

    private synchronized void reconcile() {
        RunningRevision revision = configuration.running();
        Map<UUID, ProxySpec> desired = new HashMap<>();
        for (ProxyServer proxy : revision.proxyServers()) {
            ProxySpec spec = new ProxySpec(proxy,
                    proxy.tlsCertificateId() == null ? null : revision.tlsCertificates().stream()
                            .filter(c -> c.id().equals(proxy.tlsCertificateId())).findFirst().orElse(null),
                    proxy.sshHostKeyId() == null ? null : revision.privateKeys().stream()
                            .filter(k -> k.id().equals(proxy.sshHostKeyId())).findFirst().orElse(null),
                    connections.get(proxy.hsmConnectionId()), limits);
            if (spec.hasListeners()) {
                desired.put(proxy.id(), spec);
            }
        }
        for (RunningProxy running : List.copyOf(proxies.values())) {
            ProxySpec wanted = desired.get(running.spec().proxy().id());
            boolean retry = running.state() == ProxyServerStatus.State.FAILED;
            if (wanted == null || !wanted.equals(running.spec()) || retry) {
                proxies.remove(running.spec().proxy().id(), running);
                running.close();
            }
        }
        for (ProxySpec spec : desired.values()) {
            if (!proxies.containsKey(spec.proxy().id())) {
                proxies.put(spec.proxy().id(), RunningProxy.start(spec, credentials, workers,
                        key -> counters.computeIfAbsent(key, k -> new ListenerCounters(k))));
            }
        }
    }

    private synchronized void closeWhere(java.util.function.Predicate<RunningProxy> condition, String why) {
        for (RunningProxy running : List.copyOf(proxies.values())) {
            if (condition.test(running)) {
                LOG.info("proxy server '{}': closing its listeners: {}", running.spec().proxy().name(), why);
                proxies.remove(running.spec().proxy().id(), running);
                running.close();
            }
        }
    }

    @Deactivate
    void deactivate() {
        reconciler.shutdownNow();
        try {
            reconciler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWhere(p -> true, "the proxy bundle stops");
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("proxy worker threads still running 10 s after stop: {}", workers.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            // MINA SSHD loads its security provider registrars through the context class loader; in OSGi only
            // its own bundle's loader sees them. Threads MINA creates inherit this loader.
            t.setContextClassLoader(SshServer.class.getClassLoader());
            return t;
        };
    }
}
