package io.hsmgate.auth.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The two files the administrator password lives in under the data dir: the salted hash
 * ({@code admin-password.hash}) and, only after a generated first-start password, the
 * plain {@code initial-admin-password} the operator reads once. Both are owner-only (0600)
 * and are written to a temporary file first, so a crash never leaves half a file behind.
 */
final class AdminPasswordFiles {

    static final String HASH_FILE = "admin-password.hash";
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    private final Path dataDir;

    AdminPasswordFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path hashFile() {
        return dataDir.resolve(HASH_FILE);
    }

    Path initialPasswordFile() {
        return dataDir.resolve(INITIAL_PASSWORD_FILE);
    }

    /** @return the stored hash, or null when none has been stored yet */
    AdminPasswordHash readHash() throws IOException {
        Path file = hashFile();
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return AdminPasswordHash.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid administrator password hash: " + e.getMessage()
                    + "; delete it to generate a new password, or set HSMGATE_ADMIN_PASSWORD", e);
        }
    }

    /** Like {@link #readHash()}, but a damaged file counts as absent: it is about to be replaced. */
    AdminPasswordHash readHashOrNull() {
        try {
            return readHash();
        } catch (IOException e) {
            return null;
        }
    }

    void writeHash(AdminPasswordHash hash) throws IOException {
        writeOwnerOnly(hashFile(), hash.encode().toCharArray());
    }

    void writeInitialPassword(char[] password) throws IOException {
        char[] line = new char[password.length + 1];
        System.arraycopy(password, 0, line, 0, password.length);
        line[password.length] = '\n';
        try {
            writeOwnerOnly(initialPasswordFile(), line);
        } finally {
            java.util.Arrays.fill(line, '\0');
        }
    }

    void deleteInitialPassword() throws IOException {
        Files.deleteIfExists(initialPasswordFile());
    }

    private void writeOwnerOnly(Path target, char[] content) throws IOException {
        Files.createDirectories(dataDir);
        Path temp = Files.createTempFile(dataDir, target.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
