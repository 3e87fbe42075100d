package io.hsmgate.pkcs11.internal.library;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.LibraryInfo;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.Pkcs11Library;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.SlotDescription;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenDescription;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.token.PooledTokenConnection;
import io.hsmgate.pkcs11.internal.token.TokenDirectory;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

/** One holder's reference to a {@link LoadedLibrary}. */
final class LibraryReference implements Pkcs11Library {
    private final LoadedLibrary library;
    private final AtomicBoolean released = new AtomicBoolean();

    LibraryReference(LoadedLibrary library) {
        this.library = library;
    }

    @Override
    public LibraryInfo info() {
        return library.info();
    }

    @Override
    public List<SlotDescription> slots() throws HsmException {
        Lock lock = library.useLock();
        lock.lock();
        try {
            library.ensureUsable();
            return new TokenDirectory(library.cryptoki()).slots();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TokenDescription resolve(TokenSelector selector) throws HsmException {
        Lock lock = library.useLock();
        lock.lock();
        try {
            library.ensureUsable();
            return new TokenDirectory(library.cryptoki()).resolve(selector);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TokenConnection connect(TokenSelector selector, LoginSpec login, PoolSettings pool) throws HsmException {
        ensureOpen();
        library.retain();
        try {
            return PooledTokenConnection.open(library, selector, login, pool);
        } catch (HsmException | RuntimeException e) {
            library.release();
            throw e;
        }
    }

    @Override
    public void reload() throws HsmException {
        ensureOpen();
        library.reload();
    }

    private void ensureOpen() {
        if (released.get()) {
            throw new IllegalStateException("this library reference was closed");
        }
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            library.release();
        }
    }
}
