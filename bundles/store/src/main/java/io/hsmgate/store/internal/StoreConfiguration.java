package io.hsmgate.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "hsmgate configuration store",
        description = "Where hsmgate keeps its configuration, sealed secrets and audit log.")
public @interface StoreConfiguration {

    String PID = "io.hsmgate.store";
    /** The framework property the launcher sets from the environment variable HSMGATE_DATA_DIR. */
    String DATA_DIR_PROPERTY = "hsmgate.data.dir";

    @AttributeDefinition(name = "Data directory", description = "Overrides the framework property hsmgate.data.dir"
            + " (which the launcher sets from HSMGATE_DATA_DIR). Leave empty to use that property.")
    String dataDirectory() default "";

    @AttributeDefinition(name = "Secret key file", description = "The AES-256 key that seals PINs and private keys."
            + " Leave empty for <data directory>/secret.key, created with mode 0600 at first start. A configured"
            + " file must exist, hold 32 bytes and be readable by its owner only.")
    String secretKeyFile() default "";

    @AttributeDefinition(name = "Generations kept", description = "How many generations of each document stay on"
            + " disk (the newest included), for recovery by hand.", min = "1", max = "100")
    int generationsKept() default 3;

    @AttributeDefinition(name = "Audit file size", description = "Bytes after which the audit log is rotated.",
            min = "4096")
    long auditFileMaxBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Audit files kept", description = "Rotated audit files kept besides the current one.",
            min = "1")
    int auditFilesKept() default 20;
}
