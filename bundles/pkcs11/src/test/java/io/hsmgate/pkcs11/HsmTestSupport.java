package io.hsmgate.pkcs11;

import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.time.Duration;

/** Opens the bundle's component (as the framework would) and connections to the fixture's tokens. */
final class HsmTestSupport {
    private HsmTestSupport() {
    }

    static SoftHsmFixture fixture() {
        return SoftHsmFixture.shared();
    }

    static Pkcs11CoreComponent start() {
        fixture();
        return new Pkcs11CoreComponent();
    }

    static PinSource pin() {
        return SoftHsmFixture.USER_PIN::toCharArray;
    }

    static TokenConnection connect(Pkcs11Libraries libraries, String label, int sessions, Duration timeout)
            throws HsmException {
        try (Pkcs11Library library = libraries.acquire(fixture().library(), null)) {
            return library.connect(TokenSelector.byLabel(label), LoginSpec.user(pin()), PoolSettings.of(sessions, timeout));
        }
    }
}
