package io.hsmgate.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a PKCS#11 library path may be loaded. Loading a library runs its code inside the JVM, so
 * the file must resolve (symbolic links and ".." followed) inside one of the allowed directories, be a
 * readable regular file, and not be writable by others. Relative paths resolve against the server's
 * working directory, as the product documentation promises.
 */
final class LibraryPathPolicy {

    private final List<Path> allowedDirectories;
    private final Path workingDirectory;

    LibraryPathPolicy(List<Path> allowedDirectories, Path workingDirectory) {
        this.allowedDirectories = List.copyOf(allowedDirectories);
        this.workingDirectory = workingDirectory;
    }

    /**
     * @return the canonical path of an acceptable library
     * @throws LibraryPathException naming what is wrong with the path
     */
    Path check(String libraryPath) throws LibraryPathException {
        if (libraryPath == null || libraryPath.isBlank()) {
            throw new LibraryPathException("library path is empty");
        }
        if (libraryPath.indexOf('\0') >= 0) {
            throw new LibraryPathException("library path contains a NUL character");
        }
        Path requested = workingDirectory.resolve(libraryPath);
        Path real;
        try {
            real = requested.toRealPath();
        } catch (NoSuchFileException e) {
            throw new LibraryPathException("library " + requested.normalize() + " does not exist");
        } catch (IOException e) {
            throw new LibraryPathException("library " + requested.normalize() + " cannot be resolved: " + e.getMessage());
        }
        if (!isInsideAllowedDirectory(real)) {
            throw new LibraryPathException("library " + real + " is outside the allowed library directories "
                    + describeAllowed() + "; an administrator can add its directory in the hsmgate runtime settings");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new LibraryPathException("library " + real + " is not a regular file");
        }
        if (!Files.isReadable(real)) {
            throw new LibraryPathException("library " + real + " is not readable by the hsmgate process");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(real);
        } catch (IOException | UnsupportedOperationException e) {
            throw new LibraryPathException("permissions of library " + real + " cannot be read: " + e.getMessage());
        }
        if (permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new LibraryPathException("library " + real + " is writable by every user; "
                    + "remove that permission (chmod o-w) before hsmgate loads it");
        }
        return real;
    }

    private boolean isInsideAllowedDirectory(Path real) {
        for (Path dir : canonicalAllowed()) {
            if (real.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    private List<Path> canonicalAllowed() {
        List<Path> result = new ArrayList<>();
        for (Path dir : allowedDirectories) {
            try {
                result.add(workingDirectory.resolve(dir).toRealPath());
            } catch (IOException e) {
                // a configured directory that does not exist allows nothing
            }
        }
        return result;
    }

    private String describeAllowed() {
        return allowedDirectories.stream().map(Path::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    List<Path> allowedDirectories() {
        return allowedDirectories;
    }
}
