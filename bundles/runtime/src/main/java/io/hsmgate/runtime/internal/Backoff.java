package io.hsmgate.runtime.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential retry delays with full jitter, so that many connections failing on the same network HSM do
 * not retry in lock-step. Immutable: {@link #next()} returns the backoff for the following attempt.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final int attempt;

    Backoff(Duration initial, Duration max) {
        this(initial, max, 0);
    }

    private Backoff(Duration initial, Duration max, int attempt) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.attempt = attempt;
    }

    /** @return the upper bound of the delay before this attempt: initial * 2^attempt, capped at max */
    Duration ceiling() {
        long factor = attempt >= 30 ? Long.MAX_VALUE : 1L << attempt;
        long millis = initial.toMillis() > max.toMillis() / factor ? max.toMillis() : initial.toMillis() * factor;
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** @return a delay between half the ceiling and the ceiling */
    Duration delay() {
        long ceiling = ceiling().toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    Backoff next() {
        return new Backoff(initial, max, attempt + 1);
    }

    int attempt() {
        return attempt;
    }
}
