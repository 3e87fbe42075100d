package io.hsmgate.runtime.internal;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.UserType;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.PinSource;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.TokenSelector;
import java.time.Duration;
import java.util.Objects;

/**
 * Translates a configured HSM connection into the PKCS#11 core's terms, and decides which edits need a
 * restart: a change to anything the pool was built from does; a new name or description does not.
 */
final class ConnectionSettings {

    static final long CKU_SO = 0;

    private ConnectionSettings() {
    }

    static TokenSelector selector(HsmConnection c) {
        if (c.tokenSerialNumber() != null) {
            return TokenSelector.bySerial(c.tokenSerialNumber());
        }
        if (c.tokenLabel() != null) {
            return TokenSelector.byLabel(c.tokenLabel());
        }
        return TokenSelector.bySlot(c.slotNumber());
    }

    static LoginSpec login(HsmConnection c, PinSource pin) {
        if (!c.authenticate()) {
            return LoginSpec.none();
        }
        long userType = c.userType() == UserType.SO ? CKU_SO : LoginSpec.CKU_USER;
        return new LoginSpec(LoginSpec.Mode.PIN, userType, pin);
    }

    static PoolSettings pool(HsmConnection c) {
        return PoolSettings.of(c.maxSessions(), Duration.ofSeconds(c.connectionTimeoutSeconds()));
    }

    /**
     * @return whether a connection running with {@code running} must restart to apply {@code pushed}, judged on
     *         the visible settings; a changed PIN is detected separately by {@link PinFingerprint}
     */
    static boolean needsRestart(HsmConnection running, HsmConnection pushed) {
        return !Objects.equals(running.libraryPath(), pushed.libraryPath())
                || !Objects.equals(running.tokenSerialNumber(), pushed.tokenSerialNumber())
                || !Objects.equals(running.tokenLabel(), pushed.tokenLabel())
                || !Objects.equals(running.slotNumber(), pushed.slotNumber())
                || running.authenticate() != pushed.authenticate()
                || running.userType() != pushed.userType()
                || running.maxSessions() != pushed.maxSessions()
                || running.connectionTimeoutSeconds() != pushed.connectionTimeoutSeconds()
                || !Objects.equals(running.vendor(), pushed.vendor());
    }
}
