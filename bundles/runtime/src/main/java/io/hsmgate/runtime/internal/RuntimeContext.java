package io.hsmgate.runtime.internal;

import io.hsmgate.model.ConfigurationService;
import io.hsmgate.pkcs11.Pkcs11Libraries;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.framework.BundleContext;

/**
 * What every connection supervisor shares: the configuration, the PKCS#11 libraries, the adapters present,
 * the library path policy in force, and the runtime's threads.
 */
record RuntimeContext(BundleContext bundleContext, ConfigurationService configuration, Pkcs11Libraries libraries,
                      AdapterRegistry adapters, PolicyHolder policy, ExecutorService workers,
                      ScheduledExecutorService scheduler, Clock clock) {

    /** The current settings-derived policy, replaced as a whole when the runtime settings change. */
    static final class PolicyHolder {
        private volatile LibraryPathPolicy pathPolicy;
        private volatile boolean finalizeGenericLibraries;

        PolicyHolder(LibraryPathPolicy pathPolicy, boolean finalizeGenericLibraries) {
            set(pathPolicy, finalizeGenericLibraries);
        }

        void set(LibraryPathPolicy pathPolicy, boolean finalizeGenericLibraries) {
            this.pathPolicy = pathPolicy;
            this.finalizeGenericLibraries = finalizeGenericLibraries;
        }

        LibraryPathPolicy pathPolicy() {
            return pathPolicy;
        }

        boolean finalizeGenericLibraries() {
            return finalizeGenericLibraries;
        }
    }
}
