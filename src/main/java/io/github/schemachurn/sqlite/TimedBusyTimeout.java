package io.github.schemachurn.sqlite;

import com.sun.jna.Pointer;

/**
 * SQLite's own busy timeout (what {@code sqlite3_busy_timeout}, and so PHP's PDO, installs), made
 * again as a busy handler of this suite's own so that its sleeps can be counted and timed: the
 * same delays as SQLite's {@code sqliteDefaultBusyCallback} (1, 2, 5, 10, 15, 20, 25, 25, 25, 50,
 * 50, then 100 ms each), cut short at the timeout, then SQLITE_BUSY. A page's wait for a lock is
 * then told apart from the work it waited to do. For one connection at a time, on one thread.
 */
final class TimedBusyTimeout implements NativeSqlite.BusyHandler {
    private static final int[] DELAYS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};

    private final int timeoutMs;
    private final Sleeper sleeper;
    private long waits;
    private long waitNanos;

    TimedBusyTimeout(int timeoutMs, Sleeper sleeper) {
        this.timeoutMs = timeoutMs;
        this.sleeper = sleeper;
    }

    /** The delay before try {@code priorCalls + 1}, in ms, as SQLite's default handler sleeps it; 0: give up. */
    static int delayMs(int priorCalls, int timeoutMs) {
        int last = DELAYS_MS.length - 1;
        int delay;
        int prior;
        if (priorCalls < DELAYS_MS.length) {
            delay = DELAYS_MS[priorCalls];
            prior = 0;
            for (int i = 0; i < priorCalls; i++) {
                prior += DELAYS_MS[i];
            }
        } else {
            delay = DELAYS_MS[last];
            int total = 0;
            for (int d : DELAYS_MS) {
                total += d;
            }
            prior = total + delay * (priorCalls - last - 1);
        }
        if (prior + delay > timeoutMs) {
            delay = timeoutMs - prior;
        }
        return Math.max(0, delay);
    }

    @Override
    public int invoke(Pointer argument, int priorCalls) {
        int delay = delayMs(priorCalls, timeoutMs);
        if (delay == 0) {
            return 0;
        }
        long start = System.nanoTime();
        boolean slept = sleeper.sleepNanos(delay * 1_000_000L);
        waitNanos += System.nanoTime() - start;
        waits++;
        return slept ? 1 : 0;
    }

    /** Sleeps since the last call. */
    long takeWaits() {
        long taken = waits;
        waits = 0;
        return taken;
    }

    /** Time slept since the last call, in nanoseconds. */
    long takeWaitNanos() {
        long taken = waitNanos;
        waitNanos = 0;
        return taken;
    }

    /** Time slept so far, without taking it. */
    long waitNanos() {
        return waitNanos;
    }
}
