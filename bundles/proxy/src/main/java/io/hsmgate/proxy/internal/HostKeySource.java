package io.hsmgate.proxy.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;

/** Where an SSH listener's host key comes from; asked at every key exchange so an HSM restart is survived. */
@FunctionalInterface
interface HostKeySource {

    /** @throws GeneralSecurityException naming why the key cannot be used now (e.g. the HSM is unavailable) */
    KeyPair keyPair() throws GeneralSecurityException;
}
