package io.hsmgate.adapter.luna.internal;

import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.HsmVendor;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import io.hsmgate.pkcs11.spi.Quirk;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.spi.VendorReturnCode;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Thales (SafeNet) Luna through the Luna client's libCryptoki2 (facts and sources in shared/docs/vendors.md). No
 * Luna client runs here: this data is unit-tested only.
 *
 * <p>What the profile cannot say, and the integrator guide lists: the configuration file is /etc/Chrystoki.conf
 * unless {@code ChrystokiConfigurationPath} names another directory (a conditional requirement, so neither is
 * required here); recovery must not C_Finalize either (teardown can crash); legacy vendor mechanisms and the CA_*
 * functions; the C_GetInfo manufacturer, which vendors.md does not record, so detection is by file name or the
 * configured vendor id only.
 */
@Component(service = VendorAdapter.class)
@HsmVendor(LunaVendorAdapter.ID)
public final class LunaVendorAdapter implements VendorAdapter {

    /** The vendor id: service property {@code hsm.vendor} and profile name. */
    static final String ID = "luna";

    /** Partition roles beyond CKU_SO (0, partition SO) and CKU_USER (1, the Crypto Officer). */
    static final Map<String, Long> USER_TYPES = Map.of(
            "CRYPTO_USER", 0x80000001L,
            "AUDIT", 0x80000002L,
            "LIMITED_CRYPTO_OFFICER", 0x80000003L);

    private static final VendorProfile PROFILE = VendorProfile.builder(ID)
            .libraryLocations(
                    Path.of("/usr/safenet/lunaclient/lib/libCryptoki2_64.so"),
                    // legacy client directory; vendors.md names the directory, the file name is assumed unchanged
                    Path.of("/usr/lunasa/lib/libCryptoki2_64.so"))
            .libraryFilePatterns("libCryptoki2*.so")
            // Teardown can crash the process: never C_Finalize when the last connection stops, never unload.
            // C_Initialize itself is required (the library needs it explicitly before anything), as always.
            .initialize(new InitializePolicy(true, false, InitializePolicy.standard().minReinitializeInterval()))
            // A new PIN is expired, but C_Login still succeeds and later calls fail with CKR_PIN_EXPIRED: check the
            // token flags again after logging in so the operator hears "expired", not a later failure.
            .login(new LoginPolicy(false, USER_TYPES, true))
            .returnCodes(
                    // retryable: the network HSM or an HA member is momentarily unreachable or busy
                    new VendorReturnCode(0x8000001FL, "CKR_UNABLE_TO_CONNECT", ErrorClass.TRANSIENT),
                    new VendorReturnCode(0x80000024L, "CKR_TIMEOUT", ErrorClass.TRANSIENT),
                    new VendorReturnCode(0x8000002BL, "CKR_DEVICE_TIMEOUT", ErrorClass.TRANSIENT),
                    new VendorReturnCode(0x80000041L, "CKR_AGAIN", ErrorClass.TRANSIENT),
                    new VendorReturnCode(0x80001604L, "CKR_BUSY", ErrorClass.TRANSIENT),
                    // CKA_EC_POINT was not DER-wrapped: retrying cannot help
                    new VendorReturnCode(0x8000002FL, "CKR_ECC_POINT_INVALID", ErrorClass.PERMANENT),
                    new VendorReturnCode(0x80000028L, "CKR_INVALID_ENTRY_TYPE", ErrorClass.PERMANENT),
                    // the role is locked out: another attempt would be a guess at the PIN
                    new VendorReturnCode(0x80000007L, "CKR_USER_LOCKED_OUT", ErrorClass.CREDENTIAL))
            .quirks(Quirk.EC_POINT_DER_WRAPPED, Quirk.NEVER_UNLOAD)
            .build();

    @Override
    public VendorProfile profile() {
        return PROFILE;
    }
}
