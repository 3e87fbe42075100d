package io.hsmgate.auth.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single administrator account ({@value #USER_NAME}). There is no default password: on the first
 * start without {@code HSMGATE_ADMIN_PASSWORD} a random one is generated, printed once on standard output
 * and written to {@code <data>/initial-admin-password}; only its salted hash is kept. When the variable is
 * set it replaces whatever was stored.
 */
final class AdminCredentials {

    static final String USER_NAME = "admin";
    static final String PASSWORD_ENV = "HSMGATE_ADMIN_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(AdminCredentials.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int GENERATED_LENGTH = 24;

    private final AdminPasswordHash hash;
    private final SecureRandom random;
    /** Keyed digest of the last password that verified: PBKDF2 is deliberately slow and Basic auth sends
     *  the password with every request, so a repeat of a known-good password is checked in constant time. */
    private volatile byte[] lastVerified;
    private final byte[] cacheKey;

    private AdminCredentials(AdminPasswordHash hash, SecureRandom random) {
        this.hash = hash;
        this.random = random;
        this.cacheKey = new byte[32];
        random.nextBytes(cacheKey);
    }

    /**
     * Loads or establishes the administrator password under {@code dataDir}.
     *
     * @param configured the value of {@value #PASSWORD_ENV}, when set
     * @param console where a generated password is announced (standard output in production)
     */
    static AdminCredentials establish(Path dataDir, Optional<char[]> configured, PrintStream console,
            SecureRandom random) throws IOException {
        AdminPasswordFiles files = new AdminPasswordFiles(dataDir);
        if (configured.isPresent()) {
            char[] password = configured.get();
            try {
                if (password.length == 0) {
                    throw new IOException(PASSWORD_ENV + " is set but empty; give a password or unset it");
                }
                AdminPasswordHash stored = files.readHashOrNull();
                if (stored == null || !stored.matches(password)) {
                    stored = AdminPasswordHash.create(password, random);
                    files.writeHash(stored);
                    LOG.info("Administrator password set from {}", PASSWORD_ENV);
                }
                files.deleteInitialPassword();
                return new AdminCredentials(stored, random);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        AdminPasswordHash stored = files.readHash();
        if (stored != null) {
            return new AdminCredentials(stored, random);
        }
        char[] generated = generate(random);
        try {
            stored = AdminPasswordHash.create(generated, random);
            files.writeInitialPassword(generated);
            files.writeHash(stored);
            console.println("hsmgate: generated administrator password for user '" + USER_NAME + "': "
                    + new String(generated));
            console.println("hsmgate: it is also in " + files.initialPasswordFile()
                    + " (owner-only); set " + PASSWORD_ENV + " to choose your own");
            console.flush();
            return new AdminCredentials(stored, random);
        } finally {
            Arrays.fill(generated, '\0');
        }
    }

    boolean verify(String user, char[] password) {
        if (!USER_NAME.equals(user)) {
            return false;
        }
        byte[] digest = keyedDigest(password);
        byte[] known = lastVerified;
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        if (hash.matches(password)) {
            lastVerified = digest;
            return true;
        }
        return false;
    }

    private byte[] keyedDigest(char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(cacheKey);
            byte[] bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).array();
            try {
                return sha.digest(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static char[] generate(SecureRandom random) {
        char[] password = new char[GENERATED_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return password;
    }

    @Override
    public String toString() {
        return "AdminCredentials[user=" + USER_NAME + "]";
    }
}
