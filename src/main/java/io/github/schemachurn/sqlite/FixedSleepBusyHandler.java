package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.BusyHandler;

/**
 * Replaces SQLite's busy_timeout with a handler that sleeps a fixed short time per call, so
 * that every wait SQLite would otherwise hide is counted as a busy wait. It gives up (SQLite then
 * returns SQLITE_BUSY) once the sleeps would exceed the busy timeout.
 */
final class FixedSleepBusyHandler implements Retrier {
    private final int sleepMillis;
    private final Sleeper sleeper;
    private long waits;
    private long waitNanos;

    FixedSleepBusyHandler(int sleepMillis, Sleeper sleeper) {
        this.sleepMillis = sleepMillis;
        this.sleeper = sleeper;
    }

    @Override
    public void configure(Connection connection, int busyTimeoutMs) throws SQLException {
        int maxCalls = busyTimeoutMs / sleepMillis;
        BusyHandler.setHandler(connection, new BusyHandler() {
            @Override
            protected int callback(int priorCalls) {
                // Returning 0 makes SQLite give up with SQLITE_BUSY; non-zero makes it try again.
                if (priorCalls >= maxCalls) {
                    return 0;
                }
                long start = System.nanoTime();
                boolean slept = sleeper.sleepNanos(sleepMillis * 1_000_000L);
                waitNanos += System.nanoTime() - start;
                if (!slept) {
                    return 0;
                }
                waits++;
                return 1;
            }
        });
    }

    @Override
    public boolean retryAfter(ErrorClass error, int failedTries) {
        return false;
    }

    @Override
    public long takeBusyWaits() {
        long taken = waits;
        waits = 0;
        return taken;
    }

    @Override
    public long takeBusyWaitNanos() {
        long taken = waitNanos;
        waitNanos = 0;
        return taken;
    }
}
