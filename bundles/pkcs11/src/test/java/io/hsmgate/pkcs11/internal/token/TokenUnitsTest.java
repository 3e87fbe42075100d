package io.hsmgate.pkcs11.internal.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.HsmAuthenticationException.Reason;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.TokenDescription;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenUnitsTest {

    @Test
    void pinGuardReadsFlagsBeforeTrying() {
        assertEquals(Optional.of(Reason.PIN_LOCKED), TokenLogin.refusal(TokenDescription.CKF_USER_PIN_LOCKED));
        assertEquals(Optional.of(Reason.PIN_FINAL_TRY), TokenLogin.refusal(TokenDescription.CKF_USER_PIN_FINAL_TRY
                | TokenDescription.CKF_USER_PIN_COUNT_LOW));
        assertEquals(Optional.of(Reason.PIN_EXPIRED), TokenLogin.refusal(TokenDescription.CKF_USER_PIN_TO_BE_CHANGED));
        assertEquals(Optional.empty(), TokenLogin.refusal(TokenDescription.CKF_USER_PIN_COUNT_LOW
                | TokenDescription.CKF_LOGIN_REQUIRED));
    }

    @Test
    void ecdsaRawToDer() throws Exception {
        byte[] rs = new byte[64];
        rs[0] = (byte) 0x80; // r needs a sign byte
        rs[63] = 1;          // s = 1 after stripping leading zeros
        byte[] der = SignatureFormats.ecdsaToDer(rs, 64);
        assertEquals(0x30, der[0]);
        assertEquals(2 + 33 + 3, der[1]);
        assertEquals(33, der[3]);
        assertEquals(0, der[4]);
        assertArrayEquals(new byte[] {2, 1, 1}, java.util.Arrays.copyOfRange(der, der.length - 3, der.length));
    }

    @Test
    void ecPointsRawAndDerWrapped() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey pub = (ECPublicKey) g.generateKeyPair().getPublic();
        byte[] x = toFixed(pub.getW().getAffineX());
        byte[] y = toFixed(pub.getW().getAffineY());
        byte[] raw = new byte[65];
        raw[0] = 4;
        System.arraycopy(x, 0, raw, 1, 32);
        System.arraycopy(y, 0, raw, 33, 32);
        byte[] wrapped = new byte[67];
        wrapped[0] = 4;
        wrapped[1] = 65;
        System.arraycopy(raw, 0, wrapped, 2, 65);
        assertEquals(pub.getW(), EcKeys.point(raw, pub.getParams()));
        assertEquals(pub.getW(), EcKeys.point(wrapped, pub.getParams()));
        assertEquals("secp256r1", EcKeys.curveName(HexFormat.of().parseHex("06082a8648ce3d030107")));
    }

    private static byte[] toFixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, Math.max(0, b.length - 32), out, Math.max(0, 32 - b.length), Math.min(32, b.length));
        return out;
    }

    @Test
    void selectorsAndLoginSpecsValidateAndHideSecrets() {
        assertEquals("hsm1", TokenSelector.byLabel("  hsm1  ").value());
        assertThrows(IllegalArgumentException.class, () -> TokenSelector.byLabel("   "));
        assertThrows(NumberFormatException.class, () -> new TokenSelector(TokenSelector.Kind.SLOT, "abc"));
        LoginSpec spec = LoginSpec.user(() -> "secret-pin".toCharArray());
        assertFalse(spec.toString().contains("secret"));
    }

    @Test
    void vendorDetectionIsData() {
        VendorProfile p = VendorProfile.builder("softhsm").libraryFilePatterns("libsofthsm2*.so")
                .manufacturerPrefixes("SoftHSM").build();
        assertTrue(p.matchesFileName(Path.of("/usr/lib/softhsm/libsofthsm2.so")));
        assertFalse(p.matchesFileName(Path.of("/opt/nfast/toolkits/pkcs11/libcknfast.so")));
        assertTrue(p.matchesManufacturer("SoftHSM project          "));
        assertEquals("generic", VendorProfile.generic().name());
    }
}
