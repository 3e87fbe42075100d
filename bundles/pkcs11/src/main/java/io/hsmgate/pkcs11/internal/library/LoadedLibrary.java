package io.hsmgate.pkcs11.internal.library;

import com.sun.jna.Memory;
import io.hsmgate.pkcs11.HsmConfigurationException;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.LibraryInfo;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.internal.binding.ReturnCodes;
import io.hsmgate.pkcs11.internal.binding.Structs;
import io.hsmgate.pkcs11.spi.Quirk;
import io.hsmgate.pkcs11.spi.VendorProfile;
import java.nio.file.Path;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PKCS#11 library loaded and initialised in this process, shared by every holder and reference-counted.
 * Sessions are used under the read side of {@link #useLock()}; reload and recovery take the write side, so
 * C_Finalize never runs while another thread is inside the library.
 */
public final class LoadedLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedLibrary.class);
    /**
     * JVM-wide marker (a system property per canonical path) that hsmgate itself initialised a library and left it
     * initialised because its vendor forbids C_Finalize (e.g. Luna). A later acquire, even by a restarted pkcs11
     * bundle, then gets CKR_CRYPTOKI_ALREADY_INITIALIZED from its own earlier C_Initialize and must adopt it rather
     * than treat it as another component's.
     */
    private static final String LEFT_INITIALISED = "hsmgate.pkcs11.left-initialised:";

    private final Path path;
    private final VendorProfile profile;
    private final Cryptoki cryptoki;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Runnable onUnused;
    private volatile long generation = 1;
    private volatile boolean initializedByUs;
    private volatile boolean shutDown;
    private int references;
    private long lastRecovery;
    private final String cryptokiVersion;
    private final String manufacturer;
    private final String description;
    private final String libraryVersion;

    private LoadedLibrary(Path path, VendorProfile profile, Cryptoki cryptoki, Runnable onUnused) throws HsmException {
        this.path = path;
        this.profile = profile;
        this.cryptoki = cryptoki;
        this.onUnused = onUnused;
        initialize();
        Memory info = Structs.zeroed(Structs.INFO_SIZE);
        cryptoki.check("C_GetInfo", cryptoki.getInfo(info));
        cryptokiVersion = Structs.version(info, 0);
        manufacturer = Structs.text(info, Structs.INFO_MANUFACTURER, 32);
        description = Structs.text(info, Structs.INFO_DESCRIPTION, 32);
        libraryVersion = Structs.version(info, Structs.INFO_LIBRARY_VERSION);
    }

    /**
     * Loads and initialises a library. {@code onUnused} runs when the last reference is released.
     *
     * @throws HsmException if loading or C_Initialize fail
     */
    static LoadedLibrary open(Path canonicalPath, VendorProfile profile, Runnable onUnused) throws HsmException {
        Cryptoki cryptoki = Cryptoki.load(canonicalPath, new ReturnCodes(profile));
        try {
            return new LoadedLibrary(canonicalPath, profile, cryptoki, onUnused);
        } catch (HsmException | RuntimeException e) {
            cryptoki.unload();
            throw e;
        }
    }

    private void initialize() throws HsmException {
        long rv = cryptoki.initialize(profile.initialize().osLockingOk());
        if (rv == Ck.CKR_CRYPTOKI_ALREADY_INITIALIZED && Boolean.getBoolean(LEFT_INITIALISED + path)) {
            initializedByUs = true;
            LOG.info("PKCS#11 library {} is still initialised by an earlier hsmgate start (its vendor forbids C_Finalize)", path);
            return;
        }
        if (rv == Ck.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            // another component of this process owns the library: use it, never finalize it
            initializedByUs = false;
            LOG.info("PKCS#11 library {} was already initialised by another component; it will not be finalised", path);
            return;
        }
        if (rv != Ck.CKR_OK) {
            throw new HsmConfigurationException("C_Initialize of " + path + " failed; check the vendor configuration",
                    rv, cryptoki.codes().name(rv), null);
        }
        initializedByUs = true;
    }

    public Cryptoki cryptoki() {
        return cryptoki;
    }

    public VendorProfile profile() {
        return profile;
    }

    public Path path() {
        return path;
    }

    /** @return incremented by every reload; sessions and handles of an older generation are invalid */
    public long generation() {
        return generation;
    }

    /** @return the lock held (read side) while sessions of this library are in use */
    public Lock useLock() {
        return lock.readLock();
    }

    /**
     * Call with {@link #useLock()} held, before calling into the library.
     *
     * @throws HsmOfflineException if the library was shut down (bundle stopping, last reference released)
     */
    public void ensureUsable() throws HsmOfflineException {
        if (shutDown) {
            throw new HsmOfflineException("PKCS#11 library " + path + " has been shut down", null);
        }
    }

    synchronized void retain() {
        if (shutDown) {
            throw new IllegalStateException("library " + path + " was shut down");
        }
        references++;
    }

    /** Releases one reference; the last one finalises (per policy) and unloads. */
    public void release() {
        boolean last;
        synchronized (this) {
            if (references == 0) {
                return;
            }
            last = --references == 0;
        }
        if (last) {
            onUnused.run();
            shutdown(profile.initialize().finalizeWhenUnused());
        }
    }

    synchronized int references() {
        return references;
    }

    /**
     * Finalises (when we initialised it and {@code finalize} is set) and unloads. Waits for running loans.
     */
    void shutdown(boolean finalize) {
        lock.writeLock().lock();
        try {
            if (shutDown) {
                return;
            }
            shutDown = true;
            generation++;
            if (initializedByUs && finalize) {
                long rv = cryptoki.finalizeLibrary();
                if (rv != Ck.CKR_OK) {
                    LOG.warn("C_Finalize of {} returned {}", path, cryptoki.codes().name(rv));
                }
                System.clearProperty(LEFT_INITIALISED + path);
                if (!profile.has(Quirk.NEVER_UNLOAD)) {
                    cryptoki.unload();
                }
            } else if (initializedByUs) {
                System.setProperty(LEFT_INITIALISED + path, "true");
            }
            cryptoki.releaseDirectSigning(); // no call can be in flight: the write lock is held
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * C_Finalize + C_Initialize; every session and handle becomes invalid.
     *
     * @throws HsmConfigurationException if another component initialised the library
     * @throws HsmException if C_Initialize fails
     */
    public void reload() throws HsmException {
        lock.writeLock().lock();
        try {
            reloadLocked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void reloadLocked() throws HsmException {
        ensureUsable();
        if (!initializedByUs) {
            throw new HsmConfigurationException("PKCS#11 library " + path
                    + " is owned by another component of this process; it cannot be reloaded from here");
        }
        generation++;
        long rv = cryptoki.finalizeLibrary();
        if (rv != Ck.CKR_OK && rv != Ck.CKR_CRYPTOKI_NOT_INITIALIZED) {
            LOG.warn("C_Finalize of {} during reload returned {}", path, cryptoki.codes().name(rv));
        }
        initialize();
        LOG.info("PKCS#11 library {} reloaded (generation {})", path, generation);
    }

    /**
     * Recovery after a library-class error seen at {@code seenGeneration}: re-initialises unless someone else
     * already did, and at most once per the policy's interval.
     *
     * @return true when the library was re-initialised (now or by another thread since)
     * @throws HsmException if C_Initialize fails
     */
    public boolean recover(long seenGeneration) throws HsmException {
        lock.writeLock().lock();
        try {
            if (generation != seenGeneration) {
                return true;
            }
            long now = System.nanoTime();
            long minInterval = profile.initialize().minReinitializeInterval() * 1_000_000L;
            if (lastRecovery != 0 && now - lastRecovery < minInterval) {
                return false;
            }
            lastRecovery = now;
            LOG.warn("re-initialising PKCS#11 library {} after a library error", path);
            reloadLocked();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public LibraryInfo info() {
        return new LibraryInfo(path.toString(), cryptokiVersion, manufacturer, description, libraryVersion,
                profile.name(), initializedByUs, references(), generation);
    }
}
