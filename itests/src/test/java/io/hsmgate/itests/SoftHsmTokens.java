package io.hsmgate.itests;

import io.hsmgate.pkcs11.testing.SoftHsmFixture;

/**
 * Creates the SoftHSM test tokens on the test-runner side, before the framework starts. Kept out of the
 * test classes that run inside the framework, where the fixture (a test-jar class) is not visible.
 */
final class SoftHsmTokens {

    private SoftHsmTokens() {
    }

    /** @return the SoftHSM library path, once the tokens exist */
    static String prepare() {
        return SoftHsmFixture.shared().library().toString();
    }
}
