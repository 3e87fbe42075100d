package io.hsmgate.pkcs11.internal.library;

import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.spi.EnvironmentRequirement;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Checks, before a vendor library loads, that the environment variables and files it needs are there. */
final class VendorPreconditions {
    private final VendorProfile profile;
    private final Map<String, String> environment;

    VendorPreconditions(VendorProfile profile) {
        this(profile, System.getenv());
    }

    VendorPreconditions(VendorProfile profile, Map<String, String> environment) {
        this.profile = profile;
        this.environment = environment;
    }

    void check(Path library) throws HsmConfigurationException {
        for (EnvironmentRequirement req : profile.environment()) {
            String value = environment.get(req.variable());
            String why = req.purpose().isEmpty() ? "" : " (" + req.purpose() + ")";
            if (value == null || value.isBlank()) {
                throw new HsmConfigurationException("environment variable " + req.variable()
                        + " must be set before loading " + library + why);
            }
            Path target = Path.of(value);
            if (req.mustName() == EnvironmentRequirement.Target.EXISTING_FILE && !Files.isRegularFile(target)) {
                throw new HsmConfigurationException("environment variable " + req.variable() + " names " + value
                        + ", which is not an existing file" + why);
            }
            if (req.mustName() == EnvironmentRequirement.Target.EXISTING_DIRECTORY && !Files.isDirectory(target)) {
                throw new HsmConfigurationException("environment variable " + req.variable() + " names " + value
                        + ", which is not an existing directory" + why);
            }
        }
        for (Path file : profile.requiredFiles()) {
            if (!Files.exists(file)) {
                throw new HsmConfigurationException("file " + file + " is required by vendor profile '"
                        + profile.name() + "' before loading " + library);
            }
        }
    }
}
