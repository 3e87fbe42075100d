package io.hsmgate.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.internal.osgi.Pkcs11CoreComponent;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pool limit, timeout, FIFO order, waiting until interrupted, counters; against SoftHSM. */
class SessionPoolTest {
    private static Pkcs11CoreComponent core;

    @BeforeAll
    static void start() {
        core = HsmTestSupport.start();
    }

    @AfterAll
    static void stop() {
        core.deactivate();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Holds a session on another thread until released. */
    private static Thread hold(TokenConnection c, CountDownLatch holding, CountDownLatch release) {
        Thread t = new Thread(() -> {
            try {
                c.withSession(s -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void limitAndTimeout() throws Exception {
        try (TokenConnection c = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 2, Duration.ofMillis(200))) {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            Thread a = hold(c, holding, release);
            Thread b = hold(c, holding, release);
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            assertEquals(2, c.counters().inUse());
            long start = System.nanoTime();
            SessionPoolTimeoutException e = org.junit.jupiter.api.Assertions.assertThrows(
                    SessionPoolTimeoutException.class, () -> c.withSession(s -> null));
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(e.interrupted());
            assertTrue(waitedMs >= 150, "waited " + waitedMs + " ms");
            release.countDown();
            a.join();
            b.join();
            PoolCounters counters = c.counters();
            assertEquals(2, counters.limit());
            assertEquals(2, counters.open());
            assertEquals(0, counters.inUse());
            assertEquals(2, counters.idle());
            assertEquals(1, counters.timeouts());
            assertEquals(2, counters.created());
            c.withSession(s -> null);
            assertEquals(2, c.counters().created(), "an idle session is reused before opening another");
        }
    }

    @Test
    void waitersAreServedInArrivalOrder() throws Exception {
        try (TokenConnection c = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 1, Duration.ofSeconds(20))) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = hold(c, holding, release);
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            List<Integer> order = new CopyOnWriteArrayList<>();
            Thread[] waiters = new Thread[4];
            for (int i = 0; i < waiters.length; i++) {
                int n = i;
                waiters[i] = new Thread(() -> {
                    try {
                        c.withSession(s -> order.add(n));
                    } catch (HsmException e) {
                        throw new IllegalStateException(e);
                    }
                });
                waiters[i].start();
                int expected = i + 1;
                await(() -> c.counters().waiters() == expected, expected + " waiters queued");
            }
            release.countDown();
            holder.join();
            for (Thread t : waiters) {
                t.join();
            }
            assertEquals(List.of(0, 1, 2, 3), order);
            assertEquals(4, c.counters().waits());
        }
    }

    @Test
    void zeroTimeoutWaitsUntilInterrupted() throws Exception {
        try (TokenConnection c = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 1, Duration.ZERO)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = hold(c, holding, release);
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            AtomicReference<Boolean> flagAfter = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    c.withSession(s -> null);
                } catch (Throwable t) {
                    outcome.set(t);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            await(() -> c.counters().waiters() == 1, "the borrower waits");
            assertTrue(waiter.isAlive());
            waiter.interrupt();
            waiter.join(10_000);
            assertTrue(outcome.get() instanceof SessionPoolTimeoutException e && e.interrupted(), String.valueOf(outcome.get()));
            assertTrue(flagAfter.get(), "the interrupt flag is kept");
            release.countDown();
            holder.join();
        }
    }

    @Test
    void borrowAndReturnIsCheap() throws Exception {
        try (TokenConnection c = HsmTestSupport.connect(core, SoftHsmFixture.TOKEN_A, 2, Duration.ofSeconds(1))) {
            SessionWork<Object> nothing = s -> null;
            for (int i = 0; i < 200_000; i++) {
                c.withSession(nothing);
            }
            int n = 500_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c.withSession(nothing);
            }
            double nsPerLoan = (System.nanoTime() - start) / (double) n;
            // the JMH benchmark measures this precisely; here only a generous bound for a noisy CI machine
            assertTrue(nsPerLoan < 5_000, nsPerLoan + " ns per loan");
        }
    }
}
