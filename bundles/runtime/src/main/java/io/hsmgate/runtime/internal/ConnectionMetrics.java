package io.hsmgate.runtime.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Sign counts, failures by PKCS#11 return value name, and sign latency of one connection. */
final class ConnectionMetrics {

    private final LongAdder signatures = new LongAdder();
    private final LongAdder signErrors = new LongAdder();
    private final Map<String, LongAdder> errorsByName = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();

    void signed(long nanos) {
        signatures.increment();
        latency.record(nanos);
    }

    void failed(String returnValueName) {
        signErrors.increment();
        errorsByName.computeIfAbsent(returnValueName == null ? "none" : returnValueName, k -> new LongAdder()).increment();
    }

    long signatures() {
        return signatures.sum();
    }

    long signErrors() {
        return signErrors.sum();
    }

    Map<String, Long> errorsByName() {
        Map<String, Long> copy = new TreeMap<>();
        errorsByName.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    LatencyHistogram latency() {
        return latency;
    }
}
