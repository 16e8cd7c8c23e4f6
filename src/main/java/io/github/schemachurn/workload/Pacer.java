package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Sleeper;
import java.util.function.LongSupplier;

/**
 * A rate limiter that paces events on a fixed schedule and reports the rate it really
 * achieved. Slot n is due at start + n * period; a sleep that overshoots is made up by the
 * next, shorter one. If the caller falls more than one period behind (its work is slower than
 * the period), the schedule restarts from now instead of bursting to catch up, so the achieved
 * rate then drops below the target, and {@link #achievedPerSecond()} says so.
 *
 * <p>The clock and the sleeper are injected, so tests run it on a fake clock.
 */
public final class Pacer {
    private final long periodNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long startNanos;
    private long nextDueNanos;
    private long events;

    private Pacer(long periodNanos, LongSupplier clock, Sleeper sleeper) {
        this.periodNanos = periodNanos;
        this.clock = clock;
        this.sleeper = sleeper;
        start();
    }

    /** Paces at {@code eventsPerSecond} (more than 0). */
    public static Pacer perSecond(double eventsPerSecond, LongSupplier clock, Sleeper sleeper) {
        if (!(eventsPerSecond > 0) || eventsPerSecond > 1e9) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1e9 per second, got " + eventsPerSecond);
        }
        return new Pacer(Math.round(1e9 / eventsPerSecond), clock, sleeper);
    }

    /** Never waits; still counts events and reports their rate. */
    public static Pacer unpaced(LongSupplier clock) {
        return new Pacer(0, clock, nanos -> true);
    }

    /** Starts the schedule (and the count) afresh from now. */
    public void start() {
        startNanos = clock.getAsLong();
        nextDueNanos = startNanos;
        events = 0;
    }

    /** Waits until the next slot is due and counts it; false if the sleeper gave up (then nothing is counted). */
    public boolean awaitNext() {
        if (periodNanos > 0) {
            long now = clock.getAsLong();
            if (now < nextDueNanos) {
                if (!sleeper.sleepNanos(nextDueNanos - now)) {
                    return false;
                }
            } else if (now - nextDueNanos > periodNanos) {
                nextDueNanos = now; // behind by more than a period: no burst to catch up
            }
            nextDueNanos += periodNanos;
        }
        events++;
        return true;
    }

    /** Events counted since {@link #start()}. */
    public long events() {
        return events;
    }

    public long elapsedNanos() {
        return clock.getAsLong() - startNanos;
    }

    /** Events per second since {@link #start()}, as achieved; 0 before any time has passed. */
    public double achievedPerSecond() {
        long elapsed = elapsedNanos();
        return elapsed <= 0 ? 0 : events * 1e9 / elapsed;
    }
}
