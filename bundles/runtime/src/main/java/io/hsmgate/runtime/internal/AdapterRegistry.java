package io.hsmgate.runtime.internal;

import io.hsmgate.pkcs11.spi.VendorAdapter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The vendor adapter services present now, each with its {@code hsm.vendor} id. Adapters come and go with
 * their bundles; lookups work on a snapshot, so a concurrent change never breaks an iteration.
 */
final class AdapterRegistry {

    static final String VENDOR_PROPERTY = "hsm.vendor";

    record Entry(String id, String version, VendorAdapter adapter) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(VendorAdapter adapter, Map<String, ?> properties, String bundleVersion) {
        entries.add(new Entry(idOf(adapter, properties), bundleVersion, adapter));
    }

    /** @return the version of the bundle that registered the adapter, if it is present */
    Optional<String> versionOf(VendorAdapter adapter) {
        return entries.stream().filter(e -> e.adapter() == adapter).map(Entry::version).findFirst();
    }

    /** @return the id the adapter was registered under, or null when it was not present */
    String remove(VendorAdapter adapter) {
        for (Entry e : entries) {
            if (e.adapter() == adapter) {
                entries.remove(e);
                return e.id();
            }
        }
        return null;
    }

    Optional<VendorAdapter> byId(String id) {
        return entries.stream().filter(e -> e.id().equalsIgnoreCase(id)).map(Entry::adapter).findFirst();
    }

    /** @return the first adapter whose file name patterns match the library */
    Optional<VendorAdapter> byFileName(Path library) {
        return entries.stream().map(Entry::adapter).filter(a -> a.profile().matchesFileName(library)).findFirst();
    }

    /** @return the first adapter that claims the C_GetInfo manufacturer */
    Optional<VendorAdapter> byManufacturer(String manufacturerId) {
        return entries.stream().map(Entry::adapter).filter(a -> a.profile().matchesManufacturer(manufacturerId)).findFirst();
    }

    String idOf(VendorAdapter adapter) {
        return entries.stream().filter(e -> e.adapter() == adapter).map(Entry::id).findFirst()
                .orElseGet(() -> adapter.profile().name());
    }

    List<String> ids() {
        return entries.stream().map(Entry::id).toList();
    }

    private static String idOf(VendorAdapter adapter, Map<String, ?> properties) {
        Object id = properties == null ? null : properties.get(VENDOR_PROPERTY);
        return id instanceof String s && !s.isBlank() ? s : adapter.profile().name();
    }
}
