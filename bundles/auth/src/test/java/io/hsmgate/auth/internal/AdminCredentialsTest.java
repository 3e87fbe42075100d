package io.hsmgate.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialsTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    @Test
    void firstStartGeneratesAPasswordShownOnceAndStoresOnlyItsSaltedHash() throws IOException {
        AdminCredentials credentials = AdminCredentials.establish(data, Optional.empty(), console, new SecureRandom());

        Path initial = data.resolve(AdminPasswordFiles.INITIAL_PASSWORD_FILE);
        String password = Files.readString(initial).trim();
        assertEquals(24, password.length());
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains(password), "password announced on stdout");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(initial)));
        Path hashFile = data.resolve(AdminPasswordFiles.HASH_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hashFile)));
        assertFalse(Files.readString(hashFile).contains(password), "hash file must not hold the password");

        assertTrue(credentials.verify("admin", password.toCharArray()));
        assertTrue(credentials.verify("admin", password.toCharArray()), "second check goes through the cache");
        assertFalse(credentials.verify("admin", "admin".toCharArray()));
        assertFalse(credentials.verify("root", password.toCharArray()));
    }

    @Test
    void secondStartKeepsThePasswordAndPrintsNothing() throws IOException {
        AdminCredentials.establish(data, Optional.empty(), console, new SecureRandom());
        String password = Files.readString(data.resolve(AdminPasswordFiles.INITIAL_PASSWORD_FILE)).trim();
        stdout.reset();

        AdminCredentials again = AdminCredentials.establish(data, Optional.empty(), console, new SecureRandom());

        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        assertTrue(again.verify("admin", password.toCharArray()));
    }

    @Test
    void configuredPasswordReplacesTheGeneratedOne() throws IOException {
        AdminCredentials.establish(data, Optional.empty(), console, new SecureRandom());
        String generated = Files.readString(data.resolve(AdminPasswordFiles.INITIAL_PASSWORD_FILE)).trim();
        stdout.reset();

        char[] configured = "correct horse battery staple".toCharArray();
        AdminCredentials credentials = AdminCredentials.establish(data, Optional.of(configured), console, new SecureRandom());

        assertTrue(credentials.verify("admin", "correct horse battery staple".toCharArray()));
        assertFalse(credentials.verify("admin", generated.toCharArray()));
        assertFalse(Files.exists(data.resolve(AdminPasswordFiles.INITIAL_PASSWORD_FILE)), "stale initial password removed");
        assertEquals('\0', configured[0], "configured password cleared after use");
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("correct horse"));
    }

    @Test
    void emptyConfiguredPasswordIsRefusedByName() {
        IOException e = assertThrows(IOException.class,
                () -> AdminCredentials.establish(data, Optional.of(new char[0]), console, new SecureRandom()));
        assertTrue(e.getMessage().contains("HSMGATE_ADMIN_PASSWORD"));
    }

    @Test
    void corruptHashFileIsReportedWithItsPathAndTheWayOut() throws IOException {
        Files.writeString(data.resolve(AdminPasswordFiles.HASH_FILE), "not-a-hash");
        IOException e = assertThrows(IOException.class,
                () -> AdminCredentials.establish(data, Optional.empty(), console, new SecureRandom()));
        assertTrue(e.getMessage().contains(AdminPasswordFiles.HASH_FILE));
        assertTrue(e.getMessage().contains("HSMGATE_ADMIN_PASSWORD"));
    }

    @Test
    void hashRoundTripsThroughItsEncoding() {
        AdminPasswordHash hash = AdminPasswordHash.create("s3cret".toCharArray(), new SecureRandom(), 1000);
        AdminPasswordHash parsed = AdminPasswordHash.parse(hash.encode());
        assertTrue(parsed.matches("s3cret".toCharArray()));
        assertFalse(parsed.matches("s3cret ".toCharArray()));
        assertFalse(hash.toString().contains("s3cret"));
    }
}
