package io.hsmgate.adapter.utimaco.internal;

import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.HsmVendor;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.spi.VendorReturnCode;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Utimaco CryptoServer and u.trust through libcs_pkcs11_R2 or libcs_pkcs11_R3 (facts and sources in
 * shared/docs/vendors.md). No Utimaco library or simulator runs here: this data is unit-tested only.
 *
 * <p>The configuration file is named by {@code CS_PKCS11_R2_CFG} for the R2 library and {@code CS_PKCS11_R3_CFG}
 * for R3 (usually in /etc/utimaco/). One profile serves both libraries and a requirement applies to every library
 * the profile is used with, so requiring either variable would refuse the other library: neither is required, and
 * the integrator guide lists this as a limitation of the SPI.
 *
 * <p>Worth knowing when reading failures: without {@code KeepAlive} in the configuration an idle session expires
 * after 15 minutes and calls fail with CKR_USER_NOT_LOGGED_IN, which the core already answers by logging in again.
 */
@Component(service = VendorAdapter.class)
@HsmVendor(UtimacoVendorAdapter.ID)
public final class UtimacoVendorAdapter implements VendorAdapter {

    /** The vendor id: service property {@code hsm.vendor} and profile name. */
    static final String ID = "utimaco";

    /** Slot and token manufacturer "Utimaco IS GmbH"; assumed to be C_GetInfo's too. */
    static final String MANUFACTURER_PREFIX = "Utimaco";

    /**
     * CKU_CS_GENERIC logs in as an HSM administrator with "ADMIN,&lt;keyfile&gt;" to initialise tokens; it is
     * listed so a vendor user type is recognised, not because a signing connection should use it.
     */
    static final Map<String, Long> USER_TYPES = Map.of("CS_GENERIC", 0x83L);

    private static final VendorProfile PROFILE = VendorProfile.builder(ID)
            // no standard path: where vendors.md saw the library installed
            .libraryLocations(
                    Path.of("/usr/local/lib/libcs_pkcs11_R2.so"),
                    Path.of("/opt/utimaco/lib/libcs_pkcs11_R3.so"),
                    Path.of("/lib/libcs_pkcs11_R3.so"))
            .libraryFilePatterns("libcs_pkcs11_R2*.so", "libcs_pkcs11_R3*.so")
            .manufacturerPrefixes(MANUFACTURER_PREFIX)
            .initialize(InitializePolicy.standard())
            .login(new LoginPolicy(false, USER_TYPES, false))
            // 0x1B8 is not a vendor-range code: PKCS#11 3.0 added it, the core's v2.40 table lacks it. Utimaco returns
            // it until the initial SO and user PINs are changed: the operator must change the PIN, never retry.
            .returnCodes(new VendorReturnCode(0x1B8L, "CKR_PIN_TOO_WEAK", ErrorClass.CREDENTIAL))
            .build();

    @Override
    public VendorProfile profile() {
        return PROFILE;
    }
}
