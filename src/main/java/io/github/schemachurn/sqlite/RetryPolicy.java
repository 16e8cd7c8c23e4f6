package io.github.schemachurn.sqlite;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * How the application reacts to a failed statement. Every policy runs on top of SQLite's
 * busy_timeout, which the benchmarks set explicitly (0 means: fail at once).
 */
public enum RetryPolicy {
    /** No application retry: fail fast, as the seed's site did (with busy_timeout 0), or wait in SQLite's own busy_timeout. */
    NONE(() -> (error, failedTries) -> false),
    /** An {@code org.sqlite.BusyHandler} sleeping 1 ms per call, up to the busy timeout; each call is a counted retry. */
    BUSY_HANDLER(() -> new FixedSleepBusyHandler(1, Sleeper.SYSTEM)),
    /** Retry any classified failure with exponential backoff and full jitter, up to 5 tries in all. */
    BACKOFF(() -> new Backoff(5, 100_000, 20_000_000, Sleeper.SYSTEM, new SplittableRandom())),
    /** Re-prepare a statement the driver finalized (SCHEMA, no such table, dead statement) and try once more, at once. */
    REPREPARE(ReprepareOnce::new);

    private final Supplier<Retrier> factory;

    RetryPolicy(Supplier<Retrier> factory) {
        this.factory = factory;
    }

    /** A fresh retrier for one thread. */
    public Retrier create() {
        return factory.get();
    }
}
