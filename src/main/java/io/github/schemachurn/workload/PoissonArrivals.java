package io.github.schemachurn.workload;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Arrivals at random, as visitors and sign-ups arrive at a site: a Poisson process, whose gaps are
 * exponential with mean 1 / rate, drawn from a seeded generator (so a run's arrivals can be
 * replayed). Unlike a fixed schedule ({@link Pacer}), two streams of arrivals never lock into one
 * phase. An arrival that comes while the previous one is still being served waits its turn (it
 * queues): the schedule is never restarted, so a server too slow for the rate shows as lag, not as
 * a lower rate.
 */
public final class PoissonArrivals {
    private final ExponentialDistribution gaps;
    private long nextOffsetNanos;
    private long startNanos;

    /** @param perSecond arrivals per second on average, above 0 */
    public PoissonArrivals(double perSecond, long seed) {
        if (!(perSecond > 0) || perSecond > 1e9) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1e9 per second, got " + perSecond);
        }
        this.gaps = new ExponentialDistribution(new Well19937c(seed), 1e9 / perSecond,
                ExponentialDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    /** The next arrival's time after the start, in nanoseconds: the previous one's plus one exponential gap. */
    public long nextOffsetNanos() {
        nextOffsetNanos += Math.round(gaps.sample());
        return nextOffsetNanos;
    }

    /** Starts the arrivals' clock now. */
    public void start() {
        startNanos = System.nanoTime();
    }

    /**
     * Waits for the next arrival (at once if it is due already).
     *
     * @param stopped checked after every wake-up; a {@code LockSupport.unpark} ends the wait early
     * @return how late the arrival is served, in nanoseconds (0 or more), or -1 if stopped first
     */
    public long awaitNext(BooleanSupplier stopped) {
        long due = startNanos + nextOffsetNanos();
        for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
            if (stopped.getAsBoolean()) {
                return -1;
            }
            LockSupport.parkNanos(due - now);
        }
        return stopped.getAsBoolean() ? -1 : System.nanoTime() - due;
    }
}
