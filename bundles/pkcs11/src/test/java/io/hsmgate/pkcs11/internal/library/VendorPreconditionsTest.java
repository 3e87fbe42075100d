package io.hsmgate.pkcs11.internal.library;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.spi.EnvironmentRequirement;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorPreconditionsTest {
    private final VendorProfile luna = VendorProfile.builder("luna").environment(new EnvironmentRequirement(
            "ChrystokiConfigurationPath", EnvironmentRequirement.Target.EXISTING_DIRECTORY, "holds Chrystoki.conf")).build();

    @Test
    void namesTheMissingVariable(@TempDir Path dir) throws Exception {
        HsmConfigurationException e = assertThrows(HsmConfigurationException.class,
                () -> new VendorPreconditions(luna, Map.of()).check(Path.of("/x/libCryptoki2_64.so")));
        assertTrue(e.getMessage().contains("ChrystokiConfigurationPath"));
        assertThrows(HsmConfigurationException.class, () -> new VendorPreconditions(luna,
                Map.of("ChrystokiConfigurationPath", dir.resolve("nope").toString())).check(Path.of("/x/lib.so")));
        Files.createDirectories(dir);
        assertDoesNotThrow(() -> new VendorPreconditions(luna, Map.of("ChrystokiConfigurationPath", dir.toString()))
                .check(Path.of("/x/lib.so")));
    }
}
