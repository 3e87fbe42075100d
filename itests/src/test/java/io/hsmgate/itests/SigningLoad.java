package io.hsmgate.itests;

import io.hsmgate.pkcs11.HsmException;
import io.hsmgate.pkcs11.HsmOfflineException;
import io.hsmgate.pkcs11.KeyRef;
import io.hsmgate.pkcs11.SigningMechanism;
import io.hsmgate.runtime.RunningHsmConnection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Signing threads that run through a scenario: each call looks up the running connection service and signs.
 * Counts successes, calls refused because the connection was not serving (expected while it is stopped),
 * and real failures, keeping a few failure messages for the assertion text.
 */
final class SigningLoad implements AutoCloseable {

    private final Supplier<RunningHsmConnection> lookup;
    private final KeyRef key;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    final LongAdder signed = new LongAdder();
    final LongAdder notServing = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Queue<String> failures = new ConcurrentLinkedQueue<>();

    private final Runnable onClose;

    SigningLoad(int threadCount, Supplier<RunningHsmConnection> lookup, KeyRef key, Runnable onClose) {
        this.lookup = lookup;
        this.onClose = onClose;
        this.key = key;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::loop, "itest-signer-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void loop() {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(Thread.currentThread().getName().getBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        while (running.get()) {
            RunningHsmConnection connection = lookup.get();
            if (connection == null) {
                notServing.increment();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // no service: do not spin a core
                continue;
            }
            try {
                connection.sign(key, SigningMechanism.ECDSA, hash);
                signed.increment();
            } catch (HsmOfflineException e) {
                notServing.increment();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            } catch (HsmException | RuntimeException e) {
                failed.increment();
                if (failures.size() < 10) {
                    failures.add(e.toString());
                }
            }
        }
    }

    /** Waits until at least {@code more} further signatures were made, proving the load is flowing. */
    void awaitProgress(long more, long deadlineMillis) throws InterruptedException {
        long target = signed.sum() + more;
        long end = System.currentTimeMillis() + deadlineMillis;
        while (signed.sum() < target) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("signing load made no progress: " + this);
            }
            Thread.sleep(20); // poll interval; the loop checks the condition against a deadline
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        onClose.run();
    }

    @Override
    public String toString() {
        return "signed=" + signed.sum() + " notServing=" + notServing.sum() + " failed=" + failed.sum() + " " + failures;
    }
}
