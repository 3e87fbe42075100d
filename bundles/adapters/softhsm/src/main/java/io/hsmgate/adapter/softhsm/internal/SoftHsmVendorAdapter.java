package io.hsmgate.adapter.softhsm.internal;

import io.hsmgate.pkcs11.spi.HsmVendor;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * SoftHSM2 (v2.6.x, facts read from its source; see shared/docs/vendors.md). SoftHSM follows the standard closely,
 * so most of this profile is the standard policies spelled out: the interesting part is what is absent.
 *
 * <ul>
 *   <li>No required environment variable or file: SoftHSM looks for {@code SOFTHSM2_CONF}, then
 *       {@code ~/.config/softhsm2/softhsm2.conf}, then {@code /etc/softhsm2.conf} (Debian
 *       {@code /etc/softhsm/softhsm2.conf}). Any one of them will do, which a list of required items cannot say.
 *       A bad configuration shows as CKR_GENERAL_ERROR from C_Initialize.</li>
 *   <li>Tokens created by another process (softhsm2-util) are invisible until C_Finalize + C_Initialize: finalizing
 *       when unused is safe and is what makes the core's "reload library" show them.</li>
 *   <li>C_Initialize without CKF_OS_LOCKING_OK means no locking at all, so OS locking is required.</li>
 *   <li>No vendor return codes, user types or quirks.</li>
 * </ul>
 */
@Component(service = VendorAdapter.class)
@HsmVendor(SoftHsmVendorAdapter.ID)
public final class SoftHsmVendorAdapter implements VendorAdapter {

    /** The vendor id: service property {@code hsm.vendor} and profile name. */
    static final String ID = "softhsm";

    /** C_GetInfo reports "SoftHSM"; tokens report "SoftHSM project". The prefix covers both. */
    static final String MANUFACTURER_PREFIX = "SoftHSM";

    private static final VendorProfile PROFILE = VendorProfile.builder(ID)
            .libraryLocations(
                    Path.of("/usr/lib/softhsm/libsofthsm2.so"),                   // Debian, Ubuntu
                    Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),  // Debian multiarch
                    Path.of("/usr/local/lib/softhsm/libsofthsm2.so"),             // built from source
                    Path.of("/usr/lib64/pkcs11/libsofthsm2.so"))                  // Fedora
            .libraryFilePatterns("libsofthsm2*.so")
            .manufacturerPrefixes(MANUFACTURER_PREFIX)
            // OS locking on (C_Initialize without it means no locking at all); finalize when unused, since
            // re-initialising after C_Finalize works and is the only way to see new tokens
            .initialize(InitializePolicy.standard())
            // one login is shared by all sessions of the process; no vendor user types; PIN expiry is not a
            // SoftHSM feature (the free slot's SO_PIN_TO_BE_CHANGED flag is no real lockout, and the core
            // never logs in as SO to that slot)
            .login(LoginPolicy.standard())
            .build();

    @Override
    public VendorProfile profile() {
        return PROFILE;
    }
}
