package io.hsmgate.adapter.futurex.internal;

import io.hsmgate.pkcs11.spi.EnvironmentRequirement;
import io.hsmgate.pkcs11.spi.HsmVendor;
import io.hsmgate.pkcs11.spi.InitializePolicy;
import io.hsmgate.pkcs11.spi.LoginPolicy;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * Futurex through libfxpkcs11 (facts and sources in shared/docs/vendors.md). <strong>Low confidence</strong>:
 * Futurex's PKCS#11 guide is not public, so this profile holds only what integrations of other projects show, and
 * no Futurex library runs here: the data is unit-tested only.
 *
 * <p>Not known, so not stated: the C_GetInfo manufacturer (detection is by file name or the configured vendor id
 * only), vendor return codes, user types and quirks. Outside what a profile can check: the HSM needs a Futurex
 * Token Key (FTK) loaded before PKCS#11 use; the PIN is the password of an HSM identity; a token label seen in
 * integrations is "Slot Token 0".
 */
@Component(service = VendorAdapter.class)
@HsmVendor(FuturexVendorAdapter.ID)
public final class FuturexVendorAdapter implements VendorAdapter {

    /** The vendor id: service property {@code hsm.vendor} and profile name. */
    static final String ID = "futurex";

    /** The configuration file's format is not public: require the variable and an existing file, nothing more. */
    static final EnvironmentRequirement CONFIGURATION = new EnvironmentRequirement("FXPKCS11_CFG",
            EnvironmentRequirement.Target.EXISTING_FILE,
            "FXPKCS11_CFG must name the Futurex fxpkcs11.cfg file; set it in the environment of the hsmgate process");

    private static final VendorProfile PROFILE = VendorProfile.builder(ID)
            .libraryLocations(
                    Path.of("/opt/fxpkcs11/x64/OpenSSL-3.x/libfxpkcs11.so"),    // builds split by OpenSSL version
                    Path.of("/usr/lib/x86_64-linux-gnu/fxpkcs11/libfxpkcs11.so"),
                    // from our own product documentation only, seen in no public source: probed last
                    Path.of("/usr/lib/fxpkcs11.so"))
            .libraryFilePatterns("libfxpkcs11*.so", "fxpkcs11.so")
            .environment(CONFIGURATION)
            // nothing known beyond the standard: these are the defaults, stated so a reader sees none was chosen
            .initialize(InitializePolicy.standard())
            .login(LoginPolicy.standard())
            .build();

    @Override
    public VendorProfile profile() {
        return PROFILE;
    }
}
