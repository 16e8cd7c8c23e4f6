package io.github.schemachurn.workload;

/**
 * Tells whether a reader ran beside the churner or took turns with it. A point query takes
 * microseconds; a call that takes longer than the threshold (default 1 ms, the order of an OS
 * time slice) was stalled: descheduled while the churner had the core, waiting on a lock, or
 * reloading a large schema. When reader and churner run in parallel, few calls stall; when they
 * interleave on one core, stalls add up to a large share of the reader's time.
 */
public final class StallMeter {
    public static final long DEFAULT_THRESHOLD_NANOS = 1_000_000;

    private final long thresholdNanos;
    private long calls;
    private long stalledCalls;
    private long stalledNanos;

    public StallMeter(long thresholdNanos) {
        this.thresholdNanos = thresholdNanos;
    }

    /** Records one call's duration. */
    public void record(long nanos) {
        calls++;
        if (nanos > thresholdNanos) {
            stalledCalls++;
            stalledNanos += nanos;
        }
    }

    public void reset() {
        calls = stalledCalls = stalledNanos = 0;
    }

    public long calls() {
        return calls;
    }

    public long stalledCalls() {
        return stalledCalls;
    }

    /** The total duration of the stalled calls. */
    public long stalledNanos() {
        return stalledNanos;
    }
}
