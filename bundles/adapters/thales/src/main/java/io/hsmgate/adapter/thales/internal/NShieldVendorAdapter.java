package io.hsmgate.adapter.thales.internal;

import io.hsmgate.pkcs11.spi.HsmVendor;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import io.hsmgate.pkcs11.spi.Quirk;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * Entrust/Thales nShield through libcknfast (facts and sources in shared/docs/vendors.md). The vendor id is
 * {@code thales}; Thales' other HSM line, Luna, has its own adapter ({@code luna}). No nShield library runs here:
 * this data is unit-tested only.
 *
 * <p>Configuration is read once, from CKNFAST_* environment variables or /opt/nfast/cknfastrc (the environment
 * wins), and applies only from the next process start: a C_Finalize + C_Initialize reload does not pick up a
 * changed setting, only a JVM restart does. Nothing is required, so no {@link io.hsmgate.pkcs11.spi.EnvironmentRequirement}:
 * CKNFAST_LOADSHARING is needed only for softcards and HA, and cknfastrc is optional.
 *
 * <p>What the profile cannot say, and the integrator guide lists: membership of the Unix group {@code nfast};
 * K-of-N card sets (C_LoginBegin/Next/End or {@code preload}); the C_GetInfo manufacturer, which vendors.md does
 * not record, so detection is by file name or the configured vendor id only.
 */
@Component(service = VendorAdapter.class)
@HsmVendor(NShieldVendorAdapter.ID)
public final class NShieldVendorAdapter implements VendorAdapter {

    /** The vendor id: service property {@code hsm.vendor} and profile name. */
    static final String ID = "thales";

    private static final VendorProfile PROFILE = VendorProfile.builder(ID)
            .libraryLocations(Path.of("/opt/nfast/toolkits/pkcs11/libcknfast.so"))
            .libraryFilePatterns("libcknfast*.so")
            // With CKNFAST_ASSUME_SINGLE_PROCESS=1 (the default) only objects present at C_Initialize are visible:
            // the core's reload (finalize + initialize) is what shows keys made by another process, so the
            // standard finalize-when-unused policy is right.
            .initialize(InitializePolicy.standard())
            // The accelerator slot has CKF_LOGIN_REQUIRED unset and C_Login on it always fails: never force a login.
            // No vendor user types; with `preload` the C_Login PIN is not checked.
            .login(LoginPolicy.standard())
            // CKR_FIPS_* codes are 0x80000000 | a standard code: the low 31 bits carry the meaning, so no table of
            // vendor codes is needed for them. C_GetAttributeValue may fail with CKR_FUNCTION_FAILED on a
            // multi-attribute template.
            .quirks(Quirk.ATTRIBUTES_ONE_AT_A_TIME, Quirk.VENDOR_BIT_WRAPS_STANDARD_CODES)
            .build();

    @Override
    public VendorProfile profile() {
        return PROFILE;
    }
}
