package io.hsmgate.pkcs11.internal.token;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.HsmPrivateKey;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.LoginSpec;
import io.hsmgate.pkcs11.ObjectDescription;
import io.hsmgate.pkcs11.PoolCounters;
import io.hsmgate.pkcs11.PoolSettings;
import io.hsmgate.pkcs11.SessionWork;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.TokenDescription;
import io.hsmgate.pkcs11.TokenSelector;
import io.hsmgate.pkcs11.internal.binding.Ck;
import io.hsmgate.pkcs11.internal.binding.Cryptoki;
import io.hsmgate.pkcs11.internal.binding.Structs;
import io.hsmgate.pkcs11.internal.library.LoadedLibrary;
import io.hsmgate.pkcs11.spi.ErrorClass;
import io.hsmgate.pkcs11.spi.Quirk;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token connection: one dedicated logged-in session (closing the last session of a token logs out, so the
 * login lives outside the pool) plus a {@link SessionPool}. Lock order: the library's use lock, then this.
 */
public final class PooledTokenConnection implements TokenConnection, SessionPool.SessionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PooledTokenConnection.class);
    private static final int GENERAL_ERRORS_BEFORE_REINIT = 3;
    private volatile boolean pinVerified;

    private final LoadedLibrary library;
    private final Cryptoki cryptoki;
    private final TokenSelector selector;
    private final LoginSpec login;
    private final PoolSettings settings;
    private final SessionPool pool;
    private final ObjectCatalog catalog;
    private final LongAdder[] signatures = new LongAdder[SigningMechanism.values().length];
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicInteger generalErrors = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile TokenDescription token;
    private volatile long epoch;
    private volatile long libraryGeneration;
    private NativeLong loginSession;

    private PooledTokenConnection(LoadedLibrary library, TokenSelector selector, LoginSpec login,
                                  PoolSettings settings, TokenDescription token) {
        this.library = library;
        this.cryptoki = library.cryptoki();
        this.selector = selector;
        this.login = login;
        this.settings = settings;
        this.token = token;
        long tokenMax = token.maxSessionCount();
        int limit = tokenMax > 0 && tokenMax < settings.maxSessions() ? (int) tokenMax : settings.maxSessions();
        this.pool = new SessionPool(limit, settings.idleCheckAfter(), this);
        this.catalog = new ObjectCatalog(this, library.profile().has(Quirk.ATTRIBUTES_ONE_AT_A_TIME));
        for (int i = 0; i < signatures.length; i++) {
            signatures[i] = new LongAdder();
        }
    }

    /**
     * Resolves the token, logs in and prepares the pool. The caller has retained {@code library} for this
     * connection; {@link #close()} releases it.
     */
    public static PooledTokenConnection open(LoadedLibrary library, TokenSelector selector, LoginSpec login,
                                             PoolSettings settings) throws HsmException {
        Lock lock = library.useLock();
        lock.lock();
        try {
            library.ensureUsable();
            TokenDescription token = new TokenDirectory(library.cryptoki()).resolve(selector);
            PooledTokenConnection connection = new PooledTokenConnection(library, selector, login, settings, token);
            synchronized (connection) {
                connection.connectLocked();
            }
            return connection;
        } finally {
            lock.unlock();
        }
    }

    /** Resolves the token again, opens and logs in the login session, and starts a new epoch. */
    private void connectLocked() throws HsmException {
        long generation = library.generation();
        TokenDirectory directory = new TokenDirectory(cryptoki);
        TokenDescription resolved = directory.resolve(selector);
        Memory out = Structs.zeroed(Cryptoki.UL);
        cryptoki.check("C_OpenSession", cryptoki.openSession(resolved.slotId(), Ck.CKF_SERIAL_SESSION, out));
        NativeLong session = new NativeLong(Cryptoki.getUlong(out, 0));
        try {
            pinVerified = new TokenLogin(cryptoki, library.profile().login()).login(session, resolved.slotId(), login, directory);
        } catch (HsmException | RuntimeException e) {
            cryptoki.closeSession(session);
            throw e;
        }
        token = resolved;
        loginSession = session;
        libraryGeneration = generation;
        epoch++;
        pool.invalidateAll();
    }

    /** Reconnects unless another thread already did since {@code seenEpoch}. */
    private void reconnect(long seenEpoch) throws HsmException {
        Lock lock = library.useLock();
        lock.lock();
        try {
            synchronized (this) {
                if (epoch != seenEpoch && libraryGeneration == library.generation()) {
                    return;
                }
                ensureOpen();
                library.ensureUsable();
                closeLoginSession();
                connectLocked();
                LOG.info("reconnected to {} (epoch {})", selector, epoch);
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeLoginSession() {
        if (loginSession != null && libraryGeneration == library.generation()) {
            cryptoki.closeSession(loginSession);
        }
        loginSession = null;
    }

    @Override
    public void reconnect() throws HsmException {
        reconnect(epoch);
    }

    @Override
    public <T> T withSession(SessionWork<T> work) throws HsmException {
        for (int attempt = 0; ; attempt++) {
            long seenEpoch = epoch;
            long seenGeneration = libraryGeneration;
            HsmException failure;
            Lock lock = library.useLock();
            lock.lock();
            try {
                library.ensureUsable();
                if (libraryGeneration != library.generation()) {
                    lock.unlock();
                    lock = null;
                    reconnect(seenEpoch); // the library was reloaded: every handle is stale
                    continue;
                }
                PooledSession session = pool.borrow(settings.borrowTimeout());
                boolean broken = true;
                try {
                    T result = work.run(session);
                    broken = session.operationActive();
                    if (generalErrors.get() != 0) {
                        generalErrors.set(0);
                    }
                    return result;
                } catch (HsmException e) {
                    ErrorClass c = classify(e);
                    broken = session.operationActive() || c == ErrorClass.SESSION || c == ErrorClass.TOKEN
                            || c == ErrorClass.LIBRARY || c == ErrorClass.TRANSIENT;
                    throw e;
                } finally {
                    pool.giveBack(session, broken);
                }
            } catch (HsmException e) {
                failure = e;
            } finally {
                if (lock != null) {
                    lock.unlock();
                }
            }
            ErrorClass errorClass = classify(failure);
            if (failure.returnValueName() != null) {
                errors.computeIfAbsent(failure.returnValueName(), k -> new LongAdder()).increment();
            }
            if (attempt > 0) {
                throw failure;
            }
            switch (errorClass) {
                case SESSION, TRANSIENT -> LOG.debug("retrying on another session after {}", failure.returnValueName());
                case TOKEN -> reconnect(seenEpoch);
                case LIBRARY -> {
                    if (!library.recover(seenGeneration)) {
                        throw new HsmOfflineException("the PKCS#11 library failed again within the re-initialisation "
                                + "interval", failure);
                    }
                }
                default -> throw failure;
            }
        }
    }

    private ErrorClass classify(HsmException e) {
        if (e.returnValue().isEmpty()) {
            return ErrorClass.PERMANENT;
        }
        long rv = e.returnValue().getAsLong();
        if (rv == Ck.CKR_GENERAL_ERROR && generalErrors.incrementAndGet() >= GENERAL_ERRORS_BEFORE_REINIT) {
            generalErrors.set(0);
            return ErrorClass.LIBRARY;
        }
        return cryptoki.codes().classify(rv);
    }

    // --- SessionLifecycle -----------------------------------------------------------------------------------

    @Override
    public PooledSession open() throws HsmException {
        Memory out = Structs.zeroed(Cryptoki.UL);
        TokenDescription t = token;
        cryptoki.check("C_OpenSession", cryptoki.openSession(t.slotId(), Ck.CKF_SERIAL_SESSION, out));
        return new PooledSession(this, cryptoki, Cryptoki.getUlong(out, 0), libraryGeneration);
    }

    @Override
    public boolean stillValid(PooledSession session) {
        Memory info = Structs.zeroed(Structs.SESSION_INFO_SIZE);
        return cryptoki.getSessionInfo(session.nativeHandle(), info) == Ck.CKR_OK;
    }

    @Override
    public void close(PooledSession session) {
        if (session.libraryGeneration() == library.generation()) {
            cryptoki.closeSession(session.nativeHandle());
        }
    }

    // --- objects ----------------------------------------------------------------------------------------------

    @Override
    public HsmPrivateKey privateKey(KeyRef ref) throws HsmException {
        return withSession(s -> catalog.privateKey((PooledSession) s, ref));
    }

    @Override
    public X509Certificate certificate(KeyRef ref) throws HsmException {
        return withSession(s -> catalog.certificate((PooledSession) s, ref));
    }

    @Override
    public List<ObjectDescription> listObjects() throws HsmException {
        return withSession(s -> catalog.list((PooledSession) s));
    }

    Cryptoki cryptoki() {
        return cryptoki;
    }

    void countSignature(SigningMechanism mechanism) {
        signatures[mechanism.ordinal()].increment();
    }

    @Override
    public TokenDescription token() {
        return token;
    }

    @Override
    public boolean pinVerified() {
        return pinVerified;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public PoolCounters counters() {
        Map<String, Long> errorCounts = new HashMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        Map<String, Long> signatureCounts = new HashMap<>();
        for (SigningMechanism m : SigningMechanism.values()) {
            long n = signatures[m.ordinal()].sum();
            if (n > 0) {
                signatureCounts.put(m.name(), n);
            }
        }
        return new PoolCounters(pool.limit(), pool.openCount(), pool.inUse(), pool.idleCount(), pool.waiters(),
                pool.waits.sum(), pool.timeouts.sum(), pool.created.sum(), pool.closedCount.sum(), pool.loans.sum(),
                errorCounts, signatureCounts);
    }

    private void ensureOpen() throws HsmOfflineException {
        if (closed.get()) {
            throw new HsmOfflineException("the connection to " + selector + " is closed", null);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Lock lock = library.useLock();
        lock.lock();
        try {
            pool.close(settings.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                closeLoginSession();
            }
            lock.unlock();
            library.release();
        }
    }

    @Override
    public String toString() {
        return "TokenConnection[" + selector + ", " + library.path() + "]";
    }
}
