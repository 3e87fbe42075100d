package io.hsmgate.runtime.internal;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.pkcs11.HsmAuthenticationException;
import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.ConnectionState;
import io.hsmgate.runtime.ConnectionStatus;
import io.hsmgate.runtime.RunningHsmConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one HSM connection in the state its pushed settings and desired state ask for. Every transition
 * runs on the connection's serial executor, so they never overlap; callers only read the volatile
 * {@link #current} generation. While a generation serves, the connection is registered as a
 * {@link RunningHsmConnection} service.
 */
final class ConnectionSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final UUID id;
    private final RuntimeContext context;
    private final GenerationFactory factory;
    private final SerialExecutor serial;
    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final RunningConnectionService service;

    // written on the serial executor only; volatile for readers elsewhere
    private volatile HsmConnection settings;
    private volatile boolean desiredStarted;
    private volatile ConnectionStatus status;
    private volatile Generation current;
    private volatile String awaitedVendor;
    private volatile boolean pinChangePending;
    private ServiceRegistration<RunningHsmConnection> registration;
    private Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
    private ScheduledFuture<?> retry;

    ConnectionSupervisor(HsmConnection settings, boolean desiredStarted, RuntimeContext context) {
        this.id = settings.id();
        this.settings = settings;
        this.desiredStarted = desiredStarted;
        this.context = context;
        this.factory = new GenerationFactory(context);
        this.serial = new SerialExecutor(context.workers());
        this.service = new RunningConnectionService(this);
        this.status = ConnectionStatus.of(ConnectionState.STOPPED, "not started yet", context.clock().instant());
    }

    UUID id() {
        return id;
    }

    HsmConnection settings() {
        return settings;
    }

    boolean desiredStarted() {
        return desiredStarted;
    }

    ConnectionStatus status() {
        return status;
    }

    ConnectionMetrics metrics() {
        return metrics;
    }

    Generation current() {
        return current;
    }

    ConnectionOverview overview() {
        Generation g = current;
        boolean restartPending = g != null && (ConnectionSettings.needsRestart(g.settings(), settings) || pinChangePending);
        return new ConnectionOverview(id, settings.name(), status, desiredStarted, restartPending,
                Optional.ofNullable(g).map(Generation::vendorName),
                Optional.ofNullable(g).map(Generation::vendorVersion),
                Optional.ofNullable(g).map(x -> x.connection().counters()),
                metrics.signatures(), metrics.signErrors());
    }

    // ---- requests: each queues a transition ----

    /** A push or desired-state change: apply it, restarting only when asked to. */
    CompletableFuture<Void> apply(HsmConnection pushed, boolean desired, boolean restartIfChanged) {
        return submit(() -> {
            settings = pushed;
            desiredStarted = desired;
            if (!desired) {
                stopNow(ConnectionState.STOPPED, "stopped by an operator");
                return;
            }
            Generation g = current;
            if (g == null) {
                startNow();
                return;
            }
            pinChangePending = pinChanged(g, pushed);
            if (restartIfChanged && (ConnectionSettings.needsRestart(g.settings(), pushed) || pinChangePending)) {
                restartNow();
            } else {
                updateRegistration();
            }
        });
    }

    CompletableFuture<Void> restart() {
        return submit(() -> {
            if (current == null) {
                startNow();
            } else {
                restartNow();
            }
        });
    }

    /** The connection was removed from the running revision, or the runtime is going away. */
    CompletableFuture<Void> shutdown(String reason) {
        return submit(() -> {
            desiredStarted = false;
            stopNow(ConnectionState.STOPPED, reason);
        });
    }

    void adapterRemoved(VendorAdapter adapter, String adapterId) {
        submit(() -> {
            Generation g = current;
            if (g != null && g.adapter() == adapter) {
                awaitedVendor = adapterId;
                stopNow(ConnectionState.WAITING_FOR_ADAPTER, "vendor adapter '" + adapterId
                        + "' went away; the connection resumes when an adapter with that id is deployed again");
            }
        });
    }

    void adaptersChanged() {
        submit(() -> {
            if (desiredStarted && current == null && status.state() == ConnectionState.WAITING_FOR_ADAPTER) {
                startNow();
            }
        });
    }

    /** A call through the connection failed after the core's own recovery: degrade and recover in the background. */
    void callFailed(Generation failed, HsmException e) {
        if (!(e instanceof HsmOfflineException)) {
            return;
        }
        submit(() -> {
            if (current == failed && status.state() == ConnectionState.RUNNING) {
                setStatus(ConnectionState.DEGRADED, "HSM call failed: " + e.getMessage());
                scheduleRecovery();
            }
        });
    }

    /** Keep-alive: touch an idle pool so a dead HSM is noticed before the next handshake needs it. */
    void keepAlive() {
        Generation g = current;
        if (g == null || !status.state().serves()) {
            return;
        }
        try {
            g.connection().withSession(session -> session.handle());
        } catch (HsmException e) {
            callFailed(g, e instanceof HsmOfflineException ? e : new HsmOfflineException(e.getMessage(), e));
        }
    }

    // ---- transitions (serial executor only) ----

    private void startNow() {
        cancelRetry();
        if (!desiredStarted) {
            return;
        }
        HsmConnection s = settings;
        setStatus(ConnectionState.STARTING, "loading the library and logging in");
        String wanted = s.vendor() != null ? s.vendor() : awaitedVendor;
        VendorAdapter adapter = null;
        if (wanted != null) {
            adapter = context.adapters().byId(wanted).orElse(null);
            if (adapter == null) {
                setStatus(ConnectionState.WAITING_FOR_ADAPTER, "vendor adapter '" + wanted
                        + "' is not deployed; deploy its bundle (drop it into deploy/) and the connection starts");
                return;
            }
        }
        Path library;
        try {
            library = context.policy().pathPolicy().check(s.libraryPath());
        } catch (LibraryPathException e) {
            setStatus(ConnectionState.FAILED, e.getMessage());
            return;
        }
        try {
            Generation g = factory.open(s, library, adapter);
            current = g;
            awaitedVendor = g.adapter() != null ? g.vendorName() : null;
            pinChangePending = false;
            backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
            updateRegistration();
            setStatus(ConnectionState.RUNNING, "serving " + g.connection().token().label().strip()
                    + " (serial " + g.connection().token().serial().strip() + ") with the " + g.vendorName() + " profile"
                    + (s.authenticate() && !g.connection().pinVerified()
                            ? "; its PIN was not checked: the token was already logged in by another connection" : ""));
        } catch (HsmAuthenticationException | HsmConfigurationException e) {
            // operator must act: a wrong PIN is never retried, a missing token needs a fix
            setStatus(ConnectionState.FAILED, e.getMessage());
        } catch (HsmException | RuntimeException e) {
            setStatus(ConnectionState.FAILED, String.valueOf(e.getMessage()));
            scheduleRetry();
        }
    }

    private void restartNow() {
        HsmConnection s = settings;
        Generation old = current;
        VendorAdapter adapter = s.vendor() != null ? context.adapters().byId(s.vendor()).orElse(null)
                : (old.adapter() != null && context.adapters().idOf(old.adapter()) != null ? old.adapter() : null);
        if (s.vendor() != null && adapter == null) {
            stopNow(ConnectionState.WAITING_FOR_ADAPTER, "vendor adapter '" + s.vendor() + "' is not deployed");
            return;
        }
        Generation fresh;
        try {
            Path library = context.policy().pathPolicy().check(s.libraryPath());
            fresh = factory.open(s, library, adapter);
        } catch (LibraryPathException | HsmException | RuntimeException e) {
            LOG.warn("HSM connection '{}': restart failed, the previous session pool keeps serving: {}", s.name(), e.getMessage());
            setStatus(status.state(), "restart failed, still serving with the previous settings: " + e.getMessage());
            return;
        }
        current = fresh; // new callers go to the new pool from here on
        pinChangePending = false;
        updateRegistration();
        int abandoned = old.drainAndClose(Generation.drainDeadline(old.settings()));
        if (abandoned > 0) {
            LOG.warn("HSM connection '{}': {} calls were still running on the old session pool when it closed", s.name(), abandoned);
        }
        setStatus(ConnectionState.RUNNING, "restarted with the pushed settings");
    }

    private void stopNow(ConnectionState endState, String reason) {
        cancelRetry();
        Generation g = current;
        if (g != null) {
            setStatus(ConnectionState.STOPPING, "letting admitted calls finish");
            current = null;
            unregister();
            g.drainAndClose(Generation.drainDeadline(g.settings()));
        } else {
            unregister();
        }
        setStatus(endState, reason);
    }

    private void recoverNow() {
        Generation g = current;
        if (g == null || status.state() != ConnectionState.DEGRADED) {
            return;
        }
        try {
            TokenConnection connection = g.connection();
            connection.reconnect();
            connection.withSession(session -> session.handle());
            backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
            setStatus(ConnectionState.RUNNING, "recovered");
        } catch (HsmAuthenticationException e) {
            setStatus(ConnectionState.DEGRADED, "cannot log in again: " + e.getMessage());
        } catch (HsmException | RuntimeException e) {
            setStatus(ConnectionState.DEGRADED, "still failing: " + e.getMessage());
            scheduleRecovery();
        }
    }

    // ---- helpers ----

    private boolean pinChanged(Generation g, HsmConnection pushed) {
        if (!pushed.authenticate()) {
            return false;
        }
        return !PinFingerprint.same(g.pinFingerprint(), factory.fingerprintOfRunningPin(pushed));
    }

    private void scheduleRetry() {
        Duration delay = backoff.delay();
        backoff = backoff.next();
        status = status.retryingAt(context.clock().instant().plus(delay));
        retry = context.scheduler().schedule(() -> submit(this::startNow), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleRecovery() {
        Duration delay = backoff.delay();
        backoff = backoff.next();
        status = status.retryingAt(context.clock().instant().plus(delay));
        retry = context.scheduler().schedule(() -> submit(this::recoverNow), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private void updateRegistration() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(RunningHsmConnection.ID_PROPERTY, id.toString());
        props.put(RunningHsmConnection.NAME_PROPERTY, settings.name());
        if (registration == null) {
            registration = context.bundleContext().registerService(RunningHsmConnection.class, service, props);
        } else {
            registration.setProperties(props);
        }
    }

    private void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it already
            }
            registration = null;
        }
    }

    private void setStatus(ConnectionState state, String reason) {
        ConnectionStatus previous = status;
        status = ConnectionStatus.of(state, reason, previous.state() == state ? previous.since() : context.clock().instant());
        if (previous.state() != state) {
            LOG.info("HSM connection '{}': {} -> {} ({})", settings.name(), previous.state(), state, reason);
        }
    }

    private CompletableFuture<Void> submit(Runnable transition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            serial.execute(() -> {
                try {
                    transition.run();
                    done.complete(null);
                } catch (RuntimeException | Error e) {
                    LOG.error("HSM connection '{}': transition failed", settings.name(), e);
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
