package io.hsmgate.pkcs11.internal.token;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.SessionPoolTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * At most {@code limit} sessions, opened on demand, idle ones reused first (most recently used first, so warm
 * sessions stay warm). A fair semaphore holds the permits, so waiters are served in arrival order; the
 * uncontended borrow is one CAS plus a deque poll.
 */
final class SessionPool {

    /** Opens, checks and closes the pool's sessions. */
    interface SessionLifecycle {
        PooledSession open() throws HsmException;

        /** @return false when the session is no longer usable (C_GetSessionInfo failed) */
        boolean stillValid(PooledSession session);

        /** Closes the session, unless the library was re-initialised since it opened (then the handle is stale). */
        void close(PooledSession session);
    }

    private final int limit;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<PooledSession> idle = new ConcurrentLinkedDeque<>();
    private final Set<PooledSession> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger openCount = new AtomicInteger();
    private final SessionLifecycle lifecycle;
    private final long idleCheckNanos;
    private volatile boolean closed;
    private volatile long epoch;

    final LongAdder waits = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder created = new LongAdder();
    final LongAdder closedCount = new LongAdder();
    final LongAdder loans = new LongAdder();

    SessionPool(int limit, Duration idleCheckAfter, SessionLifecycle lifecycle) {
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
        this.idleCheckNanos = idleCheckAfter.toNanos();
        this.lifecycle = lifecycle;
    }

    int limit() {
        return limit;
    }

    /**
     * @param timeout how long to wait for a permit; zero = until interrupted
     * @throws SessionPoolTimeoutException when no session became free in time, or the thread was interrupted
     * @throws HsmException when opening a new session fails
     */
    PooledSession borrow(Duration timeout) throws HsmException {
        if (closed) {
            throw new HsmOfflineException("the connection is closed", null);
        }
        acquirePermit(timeout);
        try {
            PooledSession session;
            long currentEpoch = epoch;
            while ((session = idle.pollFirst()) != null) {
                if (session.epoch() != currentEpoch) {
                    discard(session);
                } else if (idleCheckNanos > 0 && System.nanoTime() - session.lastUsed() > idleCheckNanos
                        && !lifecycle.stillValid(session)) {
                    discard(session);
                } else {
                    loans.increment();
                    return session;
                }
            }
            session = lifecycle.open();
            session.epoch(currentEpoch);
            open.add(session);
            openCount.incrementAndGet();
            created.increment();
            loans.increment();
            return session;
        } catch (HsmException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    private void acquirePermit(Duration timeout) throws SessionPoolTimeoutException {
        try {
            // tryAcquire(0, ...) honours fairness, unlike tryAcquire(): no barging past queued waiters
            if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return;
            }
            waits.increment();
            if (timeout.isZero()) {
                permits.acquire();
                return;
            }
            if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                timeouts.increment();
                throw new SessionPoolTimeoutException("no PKCS#11 session became free within " + timeout.toMillis()
                        + " ms (" + limit + " sessions, all in use)", false, null);
            }
        } catch (InterruptedException e) {
            timeouts.increment();
            Thread.currentThread().interrupt();
            throw new SessionPoolTimeoutException("interrupted while waiting for a PKCS#11 session", true, e);
        }
    }

    /** Takes a session back; a broken one, or one from an older epoch, is closed instead of kept. */
    void giveBack(PooledSession session, boolean broken) {
        try {
            if (broken || closed || session.epoch() != epoch) {
                discard(session);
            } else {
                session.touch();
                idle.offerFirst(session);
            }
        } finally {
            permits.release();
        }
    }

    private void discard(PooledSession session) {
        if (open.remove(session)) {
            openCount.decrementAndGet();
            closedCount.increment();
            lifecycle.close(session);
        }
    }

    /** Forgets every session: idle ones now, lent ones when they come back. */
    void invalidateAll() {
        epoch++;
        PooledSession session;
        while ((session = idle.pollFirst()) != null) {
            discard(session);
        }
    }

    /** Waits up to {@code timeout} for loans to return, then closes every session. */
    void close(Duration timeout) throws InterruptedException {
        closed = true;
        boolean allBack = permits.tryAcquire(limit, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            List<PooledSession> all = new ArrayList<>(open);
            all.forEach(this::discard);
            idle.clear();
        } finally {
            if (allBack) {
                permits.release(limit);
            }
        }
    }

    int openCount() {
        return openCount.get();
    }

    int inUse() {
        return Math.max(0, limit - permits.availablePermits());
    }

    int idleCount() {
        return idle.size();
    }

    int waiters() {
        return permits.getQueueLength();
    }
}
