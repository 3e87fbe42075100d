package io.hsmgate.pkcs11.internal.library;

import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.SessionCensus;
import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.LibraryInfo;
import io.hsmgate.pkcs11.Pkcs11Libraries;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link LoadedLibrary} per canonical path. {@link #close()} shuts every library down (finalising those we
 * initialised), for bundle stop.
 */
public final class LibraryRegistry implements Pkcs11Libraries, AutoCloseable {
    private final Map<Path, LoadedLibrary> libraries = new HashMap<>();
    private boolean closed;

    @Override
    public Pkcs11Library acquire(Path path, VendorAdapter adapter) throws HsmException {
        VendorProfile profile = adapter == null ? VendorProfile.generic() : adapter.profile();
        Path canonical = canonical(path);
        new VendorPreconditions(profile).check(canonical);
        synchronized (this) {
            if (closed) {
                throw new HsmConfigurationException("the PKCS#11 library registry is closed (bundle stopping)");
            }
            LoadedLibrary library = libraries.get(canonical);
            if (library == null) {
                library = LoadedLibrary.open(canonical, profile, () -> forget(canonical));
                libraries.put(canonical, library);
            } else if (!library.profile().name().equals(profile.name())) {
                throw new HsmConfigurationException("library " + canonical + " is already loaded with vendor profile '"
                        + library.profile().name() + "', not '" + profile.name() + "'");
            }
            library.retain();
            return new LibraryReference(library);
        }
    }

    private synchronized void forget(Path canonical) {
        libraries.remove(canonical);
    }

    private static Path canonical(Path path) throws HsmConfigurationException {
        try {
            Path real = path.toRealPath();
            if (!Files.isRegularFile(real)) {
                throw new HsmConfigurationException("PKCS#11 library " + path + " is not a regular file");
            }
            return real;
        } catch (IOException e) {
            throw new HsmConfigurationException("PKCS#11 library " + path + " does not exist or cannot be read", e);
        }
    }

    @Override
    public SessionCensus sessionCensus() {
        return Cryptoki.sessionCensus();
    }

    @Override
    public synchronized List<LibraryInfo> loaded() {
        List<LibraryInfo> infos = new ArrayList<>();
        libraries.values().forEach(l -> infos.add(l.info()));
        return infos;
    }

    /**
     * Finalises (where we initialised it and its vendor allows it) and unloads every library, whoever still holds
     * references.
     */
    @Override
    public void close() {
        List<LoadedLibrary> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(libraries.values());
            libraries.clear();
        }
        all.forEach(l -> l.shutdown(l.profile().initialize().finalizeWhenUnused()));
    }
}
