package io.hsmgate.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failures from one client, each further failure
 * locks that client out for twice as long as the one before (1 s, 2 s, 4 s ... up to 5 minutes). A locked-out
 * client is refused at once with a Retry-After instead of holding a server thread in a sleep. A success
 * clears the client's record; records of clients quiet for an hour are forgotten.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration MAX_LOCKOUT = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private record Record(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    private final Map<String, Record> clients = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return how long the client must still wait, zero when it may try now */
    Duration lockout(String client) {
        Record r = clients.get(client);
        if (r == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), r.lockedUntil());
        return left.isNegative() || left.isZero() ? Duration.ZERO : roundUpToSecond(left);
    }

    void failed(String client) {
        Instant now = clock.instant();
        if (clients.size() >= MAX_TRACKED_CLIENTS) {
            clients.values().removeIf(r -> r.lastFailure().plus(FORGET_AFTER).isBefore(now));
        }
        clients.compute(client, (k, r) -> {
            int failures = (r == null || r.lastFailure().plus(FORGET_AFTER).isBefore(now)) ? 1 : r.failures() + 1;
            Instant until = now;
            if (failures > FREE_FAILURES) {
                int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
                Duration lock = Duration.ofSeconds(1L << doublings);
                until = now.plus(lock.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lock);
            }
            return new Record(failures, until, now);
        });
    }

    void succeeded(String client) {
        clients.remove(client);
    }

    private static Duration roundUpToSecond(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(seconds);
    }
}
