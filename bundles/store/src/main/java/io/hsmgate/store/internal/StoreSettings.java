package io.hsmgate.store.internal;

import java.nio.file.Path;

/** The validated settings a store opens with. */
public record StoreSettings(Path dataDirectory, Path secretKeyFile, boolean secretKeyFileConfigured,
        int generationsKept, long auditFileMaxBytes, int auditFilesKept) {

    public StoreSettings {
        if (generationsKept < 1) {
            throw new IllegalArgumentException("generationsKept must be at least 1; got " + generationsKept);
        }
        if (auditFileMaxBytes < 4096) {
            throw new IllegalArgumentException("auditFileMaxBytes must be at least 4096; got " + auditFileMaxBytes);
        }
        if (auditFilesKept < 1) {
            throw new IllegalArgumentException("auditFilesKept must be at least 1; got " + auditFilesKept);
        }
    }

    /** Defaults: key file {@code <data>/secret.key}, 3 generations, 10 MiB audit files, 20 kept. */
    public static StoreSettings of(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        return new StoreSettings(data, data.resolve("secret.key"), false, 3, 10L * 1024 * 1024, 20);
    }

    /**
     * @param frameworkDataDir the value of {@value StoreConfiguration#DATA_DIR_PROPERTY}, may be null
     * @throws IllegalArgumentException naming what is missing
     */
    static StoreSettings of(StoreConfiguration config, String frameworkDataDir) {
        String configured = blankToNull(config.dataDirectory());
        String directory = configured != null ? configured : blankToNull(frameworkDataDir);
        if (directory == null) {
            throw new IllegalArgumentException("no data directory: set the environment variable HSMGATE_DATA_DIR (the"
                    + " launcher passes it as framework property " + StoreConfiguration.DATA_DIR_PROPERTY + ") or"
                    + " dataDirectory in configuration " + StoreConfiguration.PID);
        }
        Path data = Path.of(directory).toAbsolutePath().normalize();
        String keyFile = blankToNull(config.secretKeyFile());
        return new StoreSettings(data, keyFile == null ? data.resolve("secret.key") : Path.of(keyFile).toAbsolutePath(),
                keyFile != null, config.generationsKept(), config.auditFileMaxBytes(), config.auditFilesKept());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
