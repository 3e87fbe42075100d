package io.hsmgate.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryPathPolicyTest {

    @TempDir
    Path root;

    private Path allowed;
    private Path library;
    private LibraryPathPolicy policy;

    @BeforeEach
    void setUp() throws IOException {
        allowed = Files.createDirectories(root.resolve("opt/vendor/lib"));
        library = Files.writeString(allowed.resolve("libvendor.so"), "\u007fELF");
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-r--r--"));
        policy = new LibraryPathPolicy(List.of(root.resolve("opt")), root);
    }

    @Test
    void acceptsAbsoluteAndRelativePathsInsideAllowedDirectories() throws Exception {
        assertEquals(library.toRealPath(), policy.check(library.toString()));
        assertEquals(library.toRealPath(), policy.check("opt/vendor/lib/libvendor.so"));
    }

    @Test
    void refusesPathsOutsideTheAllowedDirectoriesEvenThroughDotDotOrSymlinks() throws Exception {
        Path outside = Files.writeString(root.resolve("evil.so"), "x");
        assertMessage("outside the allowed library directories", outside.toString());
        assertMessage("outside the allowed library directories", "opt/vendor/lib/../../../evil.so");
        Path link = Files.createSymbolicLink(allowed.resolve("link.so"), outside);
        assertMessage("outside the allowed library directories", link.toString());
    }

    @Test
    void refusesMissingDirectoriesAndWorldWritableFiles() throws Exception {
        assertMessage("does not exist", allowed.resolve("missing.so").toString());
        assertMessage("not a regular file", allowed.toString());
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertMessage("writable by every user", library.toString());
        assertMessage("empty", " ");
    }

    private void assertMessage(String expected, String path) {
        LibraryPathException e = assertThrows(LibraryPathException.class, () -> policy.check(path));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
