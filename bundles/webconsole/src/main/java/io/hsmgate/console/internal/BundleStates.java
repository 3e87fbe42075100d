package io.hsmgate.console.internal;

import org.osgi.framework.Bundle;

/** Names for the OSGi bundle state bits, as operators know them from the bundles page. */
final class BundleStates {

    private BundleStates() {
    }

    static String name(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "UNKNOWN(" + state + ")";
        }
    }
}
