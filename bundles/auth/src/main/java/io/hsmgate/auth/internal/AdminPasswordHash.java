package io.hsmgate.auth.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of the administrator password, in the one-line form
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64) that is stored under the data dir.
 * Only the hash is ever written; the password itself is held as {@code char[]} and cleared by callers.
 */
final class AdminPasswordHash {

    static final int DEFAULT_ITERATIONS = 310_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private AdminPasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    static AdminPasswordHash create(char[] password, SecureRandom random) {
        return create(password, random, DEFAULT_ITERATIONS);
    }

    static AdminPasswordHash create(char[] password, SecureRandom random, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new AdminPasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** @throws IllegalArgumentException when the text is not a hash this class wrote; the message never echoes it */
    static AdminPasswordHash parse(String encoded) {
        String[] parts = encoded.trim().split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + SCHEME + " password hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1) {
                throw new IllegalArgumentException("iteration count must be positive");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            return new AdminPasswordHash(iterations, b64.decode(parts[2]), b64.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed " + SCHEME + " password hash", e);
        }
    }

    String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    boolean matches(char[] candidate) {
        byte[] derived = derive(candidate, salt, iterations);
        try {
            return MessageDigest.isEqual(derived, hash);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return SCHEME + " hash (" + iterations + " iterations)";
    }
}
