package io.hsmgate.pkcs11.internal.osgi;

import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.SessionCensus;
import io.hsmgate.pkcs11.Pkcs11Libraries;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.LibraryInfo;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.internal.jca.HsmProvider;
import io.hsmgate.pkcs11.internal.library.LibraryRegistry;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The bundle's service: the library registry, with the hsmgate JCA provider registered while it is active.
 * Deactivation removes the provider and finalises and unloads every library this bundle initialised.
 */
@Component(service = Pkcs11Libraries.class, immediate = true)
public final class Pkcs11CoreComponent implements Pkcs11Libraries {
    private final LibraryRegistry registry = new LibraryRegistry();

    @Activate
    public Pkcs11CoreComponent() {
        if (Security.getProvider(HsmProvider.NAME) == null) {
            Security.addProvider(new HsmProvider());
        }
    }

    @Override
    public Pkcs11Library acquire(Path path, VendorAdapter adapter) throws HsmException {
        return registry.acquire(path, adapter);
    }

    @Override
    public SessionCensus sessionCensus() {
        return Cryptoki.sessionCensus();
    }

    @Override
    public List<LibraryInfo> loaded() {
        return registry.loaded();
    }

    @Deactivate
    public void deactivate() {
        Security.removeProvider(HsmProvider.NAME);
        registry.close();
    }
}
