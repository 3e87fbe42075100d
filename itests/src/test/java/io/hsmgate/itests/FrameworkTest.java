package io.hsmgate.itests;

import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.HsmConnectionRuntime;
import io.hsmgate.runtime.RunningHsmConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What the Pax Exam tests share inside the framework: looking up services that come and go, finding bundles,
 * and waiting for a condition with a deadline (never a fixed sleep).
 */
abstract class FrameworkTest {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    protected BundleContext context;

    /** A condition that may throw while it is checked. */
    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Condition condition, Supplier<String> message) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(message.get());
            }
            Thread.sleep(50); // poll interval; the loop checks the condition against a deadline
        }
    }

    /** Waits for a service, which may be absent for a while (its bundle or component restarting). */
    <T> T service(Class<T> type) throws Exception {
        Object[] found = new Object[1];
        await(() -> (found[0] = optionalService(type)) != null, () -> "no " + type.getSimpleName() + " service");
        return type.cast(found[0]);
    }

    <T> T optionalService(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        return ref == null ? null : context.getService(ref);
    }

    Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** Waits until the runtime knows the connection and it satisfies {@code condition}. */
    ConnectionOverview awaitConnection(UUID id, Predicate<ConnectionOverview> condition, String what) throws Exception {
        ConnectionOverview[] last = new ConnectionOverview[1];
        await(() -> {
            HsmConnectionRuntime runtime = optionalService(HsmConnectionRuntime.class);
            last[0] = runtime == null ? null : runtime.connection(id).orElse(null);
            return last[0] != null && condition.test(last[0]);
        }, () -> "connection not " + what + "; last seen: " + last[0]);
        return last[0];
    }

    /** Waits for the connection's RunningHsmConnection service. */
    RunningHsmConnection runningService(UUID id) throws Exception {
        String filter = "(" + RunningHsmConnection.ID_PROPERTY + "=" + id + ")";
        Object[] found = new Object[1];
        await(() -> {
            for (ServiceReference<RunningHsmConnection> ref : context.getServiceReferences(RunningHsmConnection.class, filter)) {
                found[0] = context.getService(ref);
                return true;
            }
            return false;
        }, () -> "no RunningHsmConnection service for " + id);
        return (RunningHsmConnection) found[0];
    }
}
