package io.hsmgate.runtime.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.AuditEntry;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ConfigurationService;
import io.hsmgate.model.DesiredState;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.HsmConnectionInput;
import io.hsmgate.model.ItemType;
import io.hsmgate.model.NotFoundException;
import io.hsmgate.model.RunningConfigurationListener;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.Pkcs11Libraries;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.TestReport;
import io.hsmgate.runtime.ValidationReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the running revision: one supervisor per HSM connection, started when its desired state is
 * STARTED. It needs the configuration and the PKCS#11 core statically, so stopping either bundle stops
 * every connection cleanly and starting it again resumes them; vendor adapters come and go dynamically.
 */
@Component(service = HsmConnectionRuntime.class, immediate = true,
        configurationPid = "io.hsmgate.runtime")
@Designate(ocd = RuntimeSettings.class)
public final class ConnectionRuntime implements HsmConnectionRuntime, RunningConfigurationListener {

    // Registered by hand rather than as a DS service of this component: the configuration service binds its
    // listeners dynamically, and a DS-provided listener that also needs the configuration service forms a cycle.
    private final ServiceRegistration<RunningConfigurationListener> listenerRegistration;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRuntime.class);
    private static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(30);

    private final AdapterRegistry adapters = new AdapterRegistry();
    private final Map<UUID, ConnectionSupervisor> supervisors = new ConcurrentHashMap<>();
    private final RuntimeContext context;
    private final ConnectionTester tester;
    private final CredentialValidator validator;
    private static final long RECONCILE_SECONDS = 2;

    private volatile ScheduledFuture<?> keepAlive;
    private volatile long appliedRevision = -1;

    @Activate
    public ConnectionRuntime(RuntimeSettings settings, BundleContext bundleContext,
            @Reference ConfigurationService configuration, @Reference Pkcs11Libraries libraries) {
        this.context = new RuntimeContext(bundleContext, configuration, libraries, adapters,
                new RuntimeContext.PolicyHolder(pathPolicy(settings), settings.finalizeLibrariesWhenUnused()),
                // workers end 2 s after their last transition: an idle runtime holds no worker threads
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(),
                        named("hsmgate-runtime-worker")),
                Executors.newSingleThreadScheduledExecutor(named("hsmgate-runtime-scheduler")),
                Clock.systemUTC());
        this.tester = new ConnectionTester(context);
        this.validator = new CredentialValidator(context);
        scheduleKeepAlive(settings.keepAliveIntervalSeconds());
        listenerRegistration = bundleContext.registerService(RunningConfigurationListener.class, this, null);
        pushed(configuration.running());
        // A push or desired-state change made while this component was activating, before it was registered
        // as a listener, would otherwise be missed: compare against the stored state now and then.
        context.scheduler().scheduleWithFixedDelay(this::reconcile, RECONCILE_SECONDS, RECONCILE_SECONDS, TimeUnit.SECONDS);
    }

    private void reconcile() {
        try {
            RunningRevision running = context.configuration().running();
            if (running.number() != appliedRevision) {
                pushed(running);
            }
            for (ConnectionSupervisor s : supervisors.values()) {
                boolean desired = context.configuration().desiredState(s.id()) == DesiredState.STARTED;
                if (desired != s.desiredStarted()) {
                    s.apply(s.settings(), desired, false);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Reconciling with the running configuration failed: {}", e.toString());
        }
    }

    @Modified
    void modified(RuntimeSettings settings) {
        context.policy().set(pathPolicy(settings), settings.finalizeLibrariesWhenUnused());
        scheduleKeepAlive(settings.keepAliveIntervalSeconds());
    }

    @Deactivate
    void deactivate() {
        try {
            listenerRegistration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it with the bundle
        }
        ScheduledFuture<?> k = keepAlive;
        if (k != null) {
            k.cancel(false);
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        supervisors.values().forEach(s -> stopping.add(s.shutdown("hsmgate runtime stopping")));
        awaitAll(stopping, SHUTDOWN_DEADLINE);
        supervisors.clear();
        context.scheduler().shutdownNow();
        context.workers().shutdown();
        try {
            if (!context.workers().awaitTermination(SHUTDOWN_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                context.workers().shutdownNow();
            }
            context.scheduler().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAdapter(VendorAdapter adapter, ServiceReference<VendorAdapter> reference) {
        Map<String, Object> properties = new java.util.HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        adapters.add(adapter, properties, reference.getBundle() == null ? "" : reference.getBundle().getVersion().toString());
        supervisors.values().forEach(ConnectionSupervisor::adaptersChanged);
    }

    void unbindAdapter(VendorAdapter adapter) {
        String id = adapters.remove(adapter);
        if (id != null) {
            supervisors.values().forEach(s -> s.adapterRemoved(adapter, id));
        }
    }

    // ---- RunningConfigurationListener ----

    @Override
    public void pushed(RunningRevision revision) {
        applyRevision(revision, false);
    }

    @Override
    public void desiredStateChanged(UUID connectionId, DesiredState state) {
        ConnectionSupervisor s = supervisors.get(connectionId);
        if (s != null) {
            s.apply(s.settings(), state == DesiredState.STARTED, false);
        }
    }

    /** Pushes restart connections whose settings changed only when asked (restartAffected). */
    synchronized List<CompletableFuture<Void>> applyRevision(RunningRevision revision, boolean restartAffected) {
        appliedRevision = revision.number();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        Set<UUID> present = new HashSet<>();
        for (HsmConnection c : revision.connections()) {
            present.add(c.id());
            boolean desired = context.configuration().desiredState(c.id()) == DesiredState.STARTED;
            ConnectionSupervisor s = supervisors.computeIfAbsent(c.id(), id -> new ConnectionSupervisor(c, desired, context));
            work.add(s.apply(c, desired, restartAffected));
        }
        for (ConnectionSupervisor gone : List.copyOf(supervisors.values())) {
            if (!present.contains(gone.id())) {
                supervisors.remove(gone.id());
                work.add(gone.shutdown("removed from the running configuration"));
            }
        }
        return work;
    }

    // ---- HsmConnectionRuntime ----

    @Override
    public List<ConnectionOverview> connections() {
        return supervisors.values().stream().map(ConnectionSupervisor::overview)
                .sorted(Comparator.comparing(o -> o.name().toLowerCase())).toList();
    }

    @Override
    public Optional<ConnectionOverview> connection(UUID id) {
        return Optional.ofNullable(supervisors.get(id)).map(ConnectionSupervisor::overview);
    }

    @Override
    public void start(UUID id, Actor actor) throws ConfigurationException {
        require(id);
        context.configuration().setDesiredState(id, DesiredState.STARTED, actor);
    }

    @Override
    public void stop(UUID id, Actor actor) throws ConfigurationException {
        require(id);
        context.configuration().setDesiredState(id, DesiredState.STOPPED, actor);
    }

    @Override
    public void restart(UUID id, Actor actor) throws ConfigurationException {
        ConnectionSupervisor s = require(id);
        if (context.configuration().desiredState(id) != DesiredState.STARTED) {
            context.configuration().setDesiredState(id, DesiredState.STARTED, actor);
        }
        audit(actor, "restart", s.settings(), null);
        s.restart();
    }

    @Override
    public List<UUID> restartPending(Actor actor) {
        List<UUID> restarted = new ArrayList<>();
        for (ConnectionSupervisor s : supervisors.values()) {
            if (s.overview().restartPending()) {
                audit(actor, "restart", s.settings(), "restart after push");
                s.restart();
                restarted.add(s.id());
            }
        }
        return restarted;
    }

    @Override
    public TestReport test(UUID id, Actor actor) throws ConfigurationException {
        HsmConnection saved = context.configuration().connection(id)
                .orElseThrow(() -> new NotFoundException(ItemType.HSM_CONNECTION, id));
        TestReport report = tester.testSaved(saved);
        audit(actor, "test", saved, report.ok() ? "passed" : "failed: " + lastDetail(report));
        return report;
    }

    @Override
    public TestReport test(HsmConnectionInput values, Actor actor) {
        return tester.testUnsaved(values);
    }

    @Override
    public ValidationReport validate(UUID id, Actor actor) throws ConfigurationException {
        ConnectionSupervisor s = require(id);
        ValidationReport report = validator.validate(s, context.configuration().running());
        audit(actor, "validate", s.settings(), report.ok() ? "all credentials usable" : "problems found");
        return report;
    }

    @Override
    public List<SlotDescription> tokens(String libraryPath) throws HsmException {
        Path library;
        try {
            library = context.policy().pathPolicy().check(libraryPath);
        } catch (LibraryPathException e) {
            throw new HsmConfigurationException(e.getMessage());
        }
        VendorAdapter adapter = adapters.byFileName(library).orElseGet(() -> new GenerationFactory(context).genericAdapter());
        try (Pkcs11Library loaded = context.libraries().acquire(library, adapter)) {
            return loaded.slots();
        }
    }

    @Override
    public String prometheusMetrics() {
        return MetricsExport.render(List.copyOf(supervisors.values()));
    }

    // ---- helpers ----

    ConnectionSupervisor require(UUID id) throws NotFoundException {
        ConnectionSupervisor s = supervisors.get(id);
        if (s == null) {
            throw new NotFoundException(ItemType.HSM_CONNECTION, id); // not in the running revision: push first
        }
        return s;
    }

    private void audit(Actor actor, String action, HsmConnection c, String detail) {
        try {
            context.configuration().record(new AuditEntry(context.clock().instant(), actor, action,
                    ItemType.HSM_CONNECTION, c.id(), c.name(), null, null, detail));
        } catch (ConfigurationException e) {
            LOG.warn("Could not audit {} of HSM connection '{}': {}", action, c.name(), e.getMessage());
        }
    }

    private static String lastDetail(TestReport report) {
        return report.steps().isEmpty() ? "" : report.steps().get(report.steps().size() - 1).detail();
    }

    private void scheduleKeepAlive(int seconds) {
        ScheduledFuture<?> previous = keepAlive;
        if (previous != null) {
            previous.cancel(false);
        }
        keepAlive = seconds <= 0 ? null : context.scheduler().scheduleWithFixedDelay(
                () -> supervisors.values().forEach(s -> context.workers().execute(s::keepAlive)),
                seconds, seconds, TimeUnit.SECONDS);
    }

    private static LibraryPathPolicy pathPolicy(RuntimeSettings settings) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : settings.allowedLibraryDirectories()) {
            if (dir != null && !dir.isBlank()) {
                dirs.add(Path.of(dir.strip()));
            }
        }
        return new LibraryPathPolicy(dirs, Path.of(System.getProperty("user.dir")));
    }

    private static void awaitAll(List<CompletableFuture<Void>> work, Duration deadline) {
        try {
            CompletableFuture.allOf(work.toArray(new CompletableFuture[0])).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Not every HSM connection stopped cleanly: {}", e.toString());
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
