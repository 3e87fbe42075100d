package io.hsmgate.runtime.internal;

import io.hsmgate.pkcs11.TokenConnection;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.model.HsmConnection;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One session pool of a running connection, from start to drain. A restart builds a new generation before
 * the old one drains; calls are admitted to a generation with {@link #tryEnter()} so that the old one
 * closes only after every call it admitted has left, and a caller that loses the race simply moves on to
 * the new generation.
 */
final class Generation {

    private final HsmConnection settings;
    private final VendorAdapter adapter;
    private final String vendorName;
    private final String vendorVersion;
    private final TokenConnection connection;
    private final byte[] pinFingerprint;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private boolean draining;

    Generation(HsmConnection settings, VendorAdapter adapter, String vendorName, String vendorVersion,
            TokenConnection connection, byte[] pinFingerprint) {
        this.settings = settings;
        this.adapter = adapter;
        this.vendorName = vendorName;
        this.vendorVersion = vendorVersion;
        this.connection = connection;
        this.pinFingerprint = pinFingerprint;
    }

    /** @return the keyed fingerprint of the PIN it logged in with, or null without a PIN */
    byte[] pinFingerprint() {
        return pinFingerprint;
    }

    HsmConnection settings() {
        return settings;
    }

    /** @return the adapter service it runs with, or null for the generic profile */
    VendorAdapter adapter() {
        return adapter;
    }

    String vendorName() {
        return vendorName;
    }

    /** @return the adapter bundle's version, or null for the generic profile */
    String vendorVersion() {
        return vendorVersion;
    }

    TokenConnection connection() {
        return connection;
    }

    /** @return true when admitted; the caller must then call {@link #exit()}. False once draining. */
    boolean tryEnter() {
        lock.lock();
        try {
            if (draining) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Admits nobody new, waits up to {@code deadline} for admitted calls to leave, then closes the pool (which
     * itself waits for loans up to its close timeout and releases its library reference).
     *
     * @return the number of calls still in flight when the deadline passed (0 in a clean drain)
     */
    int drainAndClose(Duration deadline) {
        int abandoned = 0;
        lock.lock();
        try {
            draining = true;
            long nanos = deadline.toNanos();
            while (inFlight > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            abandoned = inFlight;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = inFlight;
        } finally {
            lock.unlock();
        }
        connection.close();
        return abandoned;
    }

    @Override
    public String toString() {
        return "Generation[" + settings.name() + ", vendor=" + vendorName + "]";
    }

    static Duration drainDeadline(HsmConnection settings) {
        int timeout = settings.connectionTimeoutSeconds();
        return timeout == 0 ? Duration.ofSeconds(60) : Duration.ofSeconds(Math.max(10, timeout));
    }

}
