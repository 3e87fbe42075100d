package io.hsmgate.runtime.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Sign latencies in fixed Prometheus buckets. Recording is lock-free (one LongAdder increment per call) so it
 * costs nothing measurable next to a PKCS#11 signature.
 */
final class LatencyHistogram {

    /** Upper bounds in seconds: from 50 us (a local ECDSA signature) to 10 s (a network HSM timing out). */
    static final double[] BOUNDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();
    private final LongAdder count = new LongAdder();

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        buckets[i].increment();
        sumNanos.add(nanos);
        count.increment();
    }

    /** @return cumulative counts per bound, the last one being +Inf (= count), as Prometheus wants them */
    long[] cumulative() {
        long[] result = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            result[i] = running;
        }
        return result;
    }

    double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }

    long count() {
        return count.sum();
    }
}
