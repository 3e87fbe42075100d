package io.hsmgate.proxy.internal;

import java.util.Optional;

/** Asked after a failed handshake: can the HSM key be used right now, and if not, why not. */
@FunctionalInterface
interface KeyCheck {

    KeyCheck SOFTWARE_KEY = Optional::empty;

    /** @return why the key cannot be used, or empty when it can */
    Optional<String> problem();
}
