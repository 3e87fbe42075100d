package io.hsmgate.runtime.internal;

import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.HsmConnection;
import io.hsmgate.pkcs11.HsmAuthenticationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.PinSource;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Opens a session pool for a configured connection: loads the library with the right vendor profile,
 * resolves the token and logs in. Detection without a configured vendor goes by file name first and, once
 * the library is loaded, by the manufacturer it reports.
 */
final class GenerationFactory {

    private final RuntimeContext context;

    GenerationFactory(RuntimeContext context) {
        this.context = context;
    }

    /**
     * @param adapter the adapter to use, or null to detect one (or fall back to the generic profile)
     * @throws HsmException when the library, token or login fail
     */
    Generation open(HsmConnection settings, Path library, VendorAdapter adapter) throws HsmException {
        VendorAdapter chosen = adapter != null ? adapter : context.adapters().byFileName(library).orElse(null);
        Pkcs11Library loaded = context.libraries().acquire(library, chosen != null ? chosen : genericAdapter());
        try {
            if (chosen == null) {
                Optional<VendorAdapter> byManufacturer = context.adapters().byManufacturer(loaded.info().manufacturer());
                if (byManufacturer.isPresent()) {
                    loaded.close();
                    chosen = byManufacturer.get();
                    loaded = context.libraries().acquire(library, chosen);
                }
            }
            byte[] fingerprint = settings.authenticate() ? fingerprintOfRunningPin(settings) : null;
            TokenConnection connection = loaded.connect(ConnectionSettings.selector(settings),
                    ConnectionSettings.login(settings, pinSource(settings)), ConnectionSettings.pool(settings));
            String vendor = chosen != null ? context.adapters().idOf(chosen) : "generic";
            String version = chosen != null ? context.adapters().versionOf(chosen).orElse(null) : null;
            return new Generation(settings, chosen, vendor, version, connection, fingerprint);
        } finally {
            loaded.close(); // the token connection holds its own reference to the library
        }
    }

    /** The generic profile with the finalize policy of the runtime settings. */
    VendorAdapter genericAdapter() {
        VendorProfile generic = VendorProfile.generic();
        boolean finalize = context.policy().finalizeGenericLibraries();
        if (generic.initialize().finalizeWhenUnused() == finalize) {
            return () -> generic;
        }
        InitializePolicy p = generic.initialize();
        VendorProfile adjusted = VendorProfile.builder(generic.name())
                .initialize(new InitializePolicy(p.osLockingOk(), finalize, p.minReinitializeInterval()))
                .build();
        return () -> adjusted;
    }

    PinSource pinSource(HsmConnection settings) {
        return () -> {
            try {
                return context.configuration().runningPin(settings.id());
            } catch (ConfigurationException e) {
                throw new HsmAuthenticationException("the PIN of HSM connection '" + settings.name()
                        + "' cannot be read: " + e.getMessage(), HsmAuthenticationException.Reason.PIN_MISSING, e);
            }
        };
    }

    byte[] fingerprintOfRunningPin(HsmConnection settings) {
        try {
            char[] pin = context.configuration().runningPin(settings.id());
            try {
                return PinFingerprint.of(pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        } catch (ConfigurationException e) {
            return null;
        }
    }
}
