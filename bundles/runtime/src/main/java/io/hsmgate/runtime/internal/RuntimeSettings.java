package io.hsmgate.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Global runtime settings, editable in the Web Console's configuration page (PID io.hsmgate.runtime). */
@ObjectClassDefinition(name = "hsmgate connection runtime",
        description = "How hsmgate runs HSM connections: which PKCS#11 libraries may be loaded, keep-alive, finalisation.")
@interface RuntimeSettings {

    @AttributeDefinition(name = "Allowed library directories",
            description = "A PKCS#11 library must resolve (symbolic links followed) inside one of these directories. "
                    + "Loading a library runs its code inside hsmgate, so keep this list short.")
    String[] allowedLibraryDirectories() default {"/usr/lib", "/usr/lib64", "/usr/local/lib", "/opt"};

    @AttributeDefinition(name = "Keep-alive interval (seconds)",
            description = "How often an idle running connection is checked, so a dead HSM is noticed before a handshake needs it. 0 turns it off.",
            min = "0", max = "86400")
    int keepAliveIntervalSeconds() default 60;

    @AttributeDefinition(name = "Finalize libraries when unused",
            description = "For libraries without a vendor adapter: call C_Finalize and unload the library when its last connection stops.")
    boolean finalizeLibrariesWhenUnused() default true;
}
