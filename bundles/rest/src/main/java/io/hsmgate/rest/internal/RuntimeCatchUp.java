package io.hsmgate.rest.internal;

import io.hsmgate.model.HsmConnection;
import io.hsmgate.model.RunningRevision;
import io.hsmgate.runtime.ConnectionOverview;
import io.hsmgate.runtime.HsmConnectionRuntime;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Waits, for a bounded time, until the runtime has applied a running revision. The model tells the runtime
 * about a push synchronously, but a push made while the runtime is still being wired up after a server start
 * reaches it only through its periodic reconciliation (every 2 s). Without this, a script that pushes and then
 * starts a connection would see a spurious 404. The runtime API offers no "applied revision" to wait on, so
 * this compares the connection ids of both sides.
 */
final class RuntimeCatchUp {

    static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 25;

    private RuntimeCatchUp() {
    }

    /** @return whether the runtime runs exactly the revision's connections before the deadline */
    static boolean await(HsmConnectionRuntime runtime, RunningRevision revision, Duration deadline)
            throws InterruptedException {
        Set<UUID> expected = revision.connections().stream().map(HsmConnection::id).collect(Collectors.toSet());
        long end = System.nanoTime() + deadline.toNanos();
        while (!applied(runtime, expected)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(POLL_MILLIS); // poll interval; the loop checks the condition against the deadline
        }
        return true;
    }

    private static boolean applied(HsmConnectionRuntime runtime, Set<UUID> expected) {
        return runtime.connections().stream().map(ConnectionOverview::id).collect(Collectors.toSet()).equals(expected);
    }
}
