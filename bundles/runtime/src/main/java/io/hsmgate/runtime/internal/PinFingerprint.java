package io.hsmgate.runtime.internal;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells whether a pushed PIN differs from the one a connection logged in with, without keeping the PIN:
 * an HMAC under a random key that lives only in this process's memory.
 */
final class PinFingerprint {

    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private PinFingerprint() {
    }

    /** @return the fingerprint of {@code pin}; the caller still clears {@code pin} */
    static byte[] of(char[] pin) {
        byte[] bytes = null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
            bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            Arrays.fill(encoded.array(), (byte) 0);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    static boolean same(byte[] a, byte[] b) {
        return a == null ? b == null : b != null && MessageDigest.isEqual(a, b);
    }
}
