package io.hsmgate.pkcs11;

import io.hsmgate.pkcs11.spi.VendorAdapter;
import java.nio.file.Path;
import java.util.List;

/**
 * The process-wide registry of PKCS#11 libraries: one loaded, initialised, reference-counted instance per
 * canonical library path. Registered as an OSGi service by this bundle; when the bundle stops every library
 * it initialised is finalised and unloaded.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Pkcs11Libraries {

    /**
     * Loads and initialises the library at {@code path} if this is its first user, or shares the loaded
     * instance. The vendor profile's environment variables and files are checked before the library loads.
     *
     * @param path the library file; resolved to its canonical path
     * @param adapter the vendor facts to apply, or null for the generic profile
     * @return a reference; close it when done
     * @throws HsmConfigurationException if the file is missing, a required environment variable or file is
     *         missing, or the library cannot be loaded
     * @throws HsmException if C_GetFunctionList or C_Initialize fail
     */
    Pkcs11Library acquire(Path path, VendorAdapter adapter) throws HsmException;

    /** @return every library loaded now */
    List<LibraryInfo> loaded();

    /** @return sessions opened and closed since this bundle started, over every library */
    SessionCensus sessionCensus();
}
