package io.hsmgate.model.internal;

import io.hsmgate.model.RunningConfigurationListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The {@link RunningConfigurationListener} services registered now. Looked up per notification (pushes and
 * desired-state changes are rare), which keeps SCR from seeing a cycle between this service and listeners that
 * need it.
 */
abstract class ListenerWhiteboard {

    /** Calls {@code action} on every listener; a listener that throws does not keep the others from hearing. */
    abstract void tell(Consumer<RunningConfigurationListener> action);

    static ListenerWhiteboard fixed(List<RunningConfigurationListener> listeners) {
        List<RunningConfigurationListener> copy = List.copyOf(listeners);
        return new ListenerWhiteboard() {
            @Override
            void tell(Consumer<RunningConfigurationListener> action) {
                copy.forEach(action);
            }
        };
    }

    static ListenerWhiteboard of(BundleContext context) {
        return new ListenerWhiteboard() {
            @Override
            void tell(Consumer<RunningConfigurationListener> action) {
                Collection<ServiceReference<RunningConfigurationListener>> references;
                try {
                    references = new ArrayList<>(context.getServiceReferences(RunningConfigurationListener.class, null));
                } catch (InvalidSyntaxException | IllegalStateException e) {
                    return; // no filter is given; IllegalStateException: this bundle is stopping
                }
                for (ServiceReference<RunningConfigurationListener> reference : references) {
                    RunningConfigurationListener listener = context.getService(reference);
                    if (listener != null) {
                        try {
                            action.accept(listener);
                        } finally {
                            context.ungetService(reference);
                        }
                    }
                }
            }
        };
    }
}
