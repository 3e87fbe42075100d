package io.hsmgate.model.spi;

import io.hsmgate.model.HsmConnection;

/** A stored HSM connection with its sealed PIN (null when it does not authenticate). */
public record ConnectionDocument(HsmConnection connection, SealedSecret pin) {
}
