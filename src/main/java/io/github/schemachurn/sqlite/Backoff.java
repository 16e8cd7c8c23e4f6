package io.github.schemachurn.sqlite;

import java.util.random.RandomGenerator;

/**
 * Application retry with exponential backoff and full jitter: before try n+1 it sleeps a
 * uniformly random time in [0, min(cap, base * 2^(n-1))). Retries every classified failure
 * except OTHER, which is not a concurrency failure.
 */
final class Backoff implements Retrier {
    private final int maxTries;
    private final long baseNanos;
    private final long capNanos;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    Backoff(int maxTries, long baseNanos, long capNanos, Sleeper sleeper, RandomGenerator random) {
        this.maxTries = maxTries;
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public boolean retryAfter(ErrorClass error, int failedTries) {
        if (error == ErrorClass.OTHER || failedTries >= maxTries) {
            return false;
        }
        return sleeper.sleepNanos(random.nextLong(ceilingNanos(failedTries)));
    }

    /** The exclusive upper bound of the pause after the given failed try. */
    long ceilingNanos(int failedTries) {
        int doublings = Math.min(failedTries - 1, 62);
        long exponential = baseNanos << Math.min(doublings, Long.numberOfLeadingZeros(baseNanos) - 1);
        return Math.max(1, Math.min(capNanos, exponential));
    }
}
