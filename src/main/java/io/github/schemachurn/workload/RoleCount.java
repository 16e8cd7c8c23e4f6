package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Tally;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One thread's counts of one role in one iteration, taken only inside the window JMH measures.
 *
 * <p>JMH runs the benchmark method in three loops per iteration: a warmup-wait loop until every
 * thread of the group is ready, the measured loop, and a warmdown-wait loop until every thread
 * has finished. Only the middle one is in JMH's ops, but counters see all three. JMH marks the
 * middle one on its {@code Control}: {@code startMeasurement} is set just before a thread's
 * measured loop, {@code stopMeasurement} just after the first thread leaves it. A call is
 * measured when it starts between the two; {@link #enter} decides that from the two flags, so
 * this class needs no JMH and tests drive it directly.
 *
 * <p>The window is the thread's wall time from the start of its first measured call to the end
 * of its last one, and its CPU time over the same span (the regime signal: near 1 when the
 * thread had a core of its own, lower when it shared one or waited).
 *
 * <p>Latency: each measured operation is timed from its attempt to its outcome and recorded
 * ({@link Latency}), successes apart from failures. On the hot path that is one clock read at the
 * attempt and one at the outcome, which is also the window's end; nothing is allocated.
 *
 * <p>A role that runs outside JMH's threads (a paced churner, a churner in another process)
 * is counted by difference: {@link #enterWithBackground} snapshots the role's running totals
 * when the window opens and when it closes, and takes the latency it recorded in between.
 */
public final class RoleCount implements Tally {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long attempts;
    private long ok;
    private long retries;
    private long busyWaits;
    private final long[] failures = new long[ErrorClass.values().length];
    private Latency latency = new Latency();
    private long attemptStartNanos;

    private boolean started;
    private boolean closed;
    private long startNanos;
    private long lastEndNanos;
    private long startCpuNanos;
    private long endCpuNanos;

    private Supplier<Counts> background;
    private Supplier<Long> backgroundCpuNanos;
    private Counts backgroundAtStart;
    private long backgroundCpuAtStart;
    private Supplier<Latency> backgroundLatency;

    /** Forgets everything: call at the start of every iteration. */
    public void reset() {
        attempts = ok = retries = busyWaits = 0;
        Arrays.fill(failures, 0);
        latency.reset();
        started = closed = false;
        startNanos = lastEndNanos = startCpuNanos = endCpuNanos = attemptStartNanos = 0;
        background = null;
        backgroundCpuNanos = null;
        backgroundAtStart = null;
        backgroundLatency = null;
    }

    /**
     * Called at the start of every call of the benchmark method, with JMH's two flags: the tally
     * to count the call in, this one if JMH measures the call, {@link Tally#NONE} if not.
     */
    public Tally enter(boolean measurementStarted, boolean measurementStopped) {
        if (!measurementStarted || closed) {
            return Tally.NONE;
        }
        if (measurementStopped) {
            close();
            return Tally.NONE;
        }
        if (!started) {
            started = true;
            startCpuNanos = THREADS.getCurrentThreadCpuTime();
            startNanos = System.nanoTime();
            lastEndNanos = startNanos;
        }
        return this;
    }

    /**
     * Like {@link #enter}, for a thread that also carries a background role: when the window
     * opens and closes, that role's running totals (and its threads' CPU time) are snapshotted,
     * and the difference is what it did in the window; {@code latency} gives what the role
     * recorded since it was last asked ({@link Latency.Recording#take}).
     */
    public Tally enterWithBackground(boolean measurementStarted, boolean measurementStopped,
            Supplier<Counts> totals, Supplier<Long> cpuNanos, Supplier<Latency> latency) {
        if (measurementStarted && !measurementStopped && !started) {
            background = totals;
            backgroundCpuNanos = cpuNanos;
            backgroundLatency = latency;
            backgroundAtStart = totals.get();
            backgroundCpuAtStart = cpuNanos.get();
            latency.get();
            enter(true, false);
        } else {
            enter(measurementStarted, measurementStopped);
        }
        return Tally.NONE;
    }

    /** Ends the window, if a call after the measurement has not already: from the iteration's teardown. */
    public void close() {
        if (!started || closed) {
            return;
        }
        closed = true;
        endCpuNanos = THREADS.getCurrentThreadCpuTime();
        if (background != null) {
            lastEndNanos = System.nanoTime();
            latency = backgroundLatency.get();
            Counts done = background.get().minus(backgroundAtStart);
            attempts = done.attempts();
            ok = done.ok();
            retries = done.retries();
            busyWaits = done.busyWaits();
            for (ErrorClass error : ErrorClass.values()) {
                failures[error.ordinal()] = done.failures(error);
            }
            startCpuNanos = 0;
            endCpuNanos = backgroundCpuNanos.get() - backgroundCpuAtStart;
        }
        if (attempts != ok + failures()) {
            throw new IllegalStateException("accounting broken: " + attempts + " attempts but " + ok + " ok + "
                    + failures() + " failures");
        }
    }

    @Override
    public void attempt() {
        attempts++;
        attemptStartNanos = System.nanoTime();
    }

    @Override
    public void success() {
        long end = System.nanoTime();
        ok++;
        lastEndNanos = end;
        latency.ok(end - attemptStartNanos);
    }

    @Override
    public void failure(ErrorClass error) {
        long end = System.nanoTime();
        failures[error.ordinal()]++;
        lastEndNanos = end;
        latency.failed(end - attemptStartNanos);
    }

    @Override public void retries(long count) { retries += count; }

    @Override public void busyWaits(long count) { busyWaits += count; }

    @Override public void lockWaitNanos(long nanos) { latency.lockWait(nanos); }

    public long attempts() { return attempts; }

    public long ok() { return ok; }

    public long failures(ErrorClass error) { return failures[error.ordinal()]; }

    public long failures() {
        return Arrays.stream(failures).sum();
    }

    public long retries() { return retries; }

    public long busyWaits() { return busyWaits; }

    /** The latency recorded in the window (for a background role: what it recorded while the window was open). */
    public Latency latency() { return latency; }

    /**
     * Ends the window and writes every counter of the role into the public fields of
     * {@code counters} named as {@link CounterNames} names them (JMH needs literal fields): longs,
     * and doubles for the attempt rate and the latency.
     *
     * @throws IllegalStateException if a field of the contract is missing
     */
    public void publishTo(Object counters, String prefix) {
        close();
        List<Number> values = new ArrayList<>(List.of(attempts, ok));
        for (ErrorClass error : ErrorClass.values()) {
            values.add(failures(error));
        }
        values.addAll(List.of(retries, busyWaits, windowMicros(), threads(), cpuMicros(), attemptRate()));
        values.addAll(latency.counters());
        List<String> names = CounterNames.all(prefix);
        for (int i = 0; i < names.size(); i++) {
            try {
                counters.getClass().getField(names.get(i)).set(counters, values.get(i));
            } catch (NoSuchFieldException | IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalStateException(counters.getClass().getSimpleName() + " has no public "
                        + values.get(i).getClass().getSimpleName().toLowerCase(Locale.ROOT) + " field " + names.get(i), e);
            }
        }
    }

    /** The measured window in microseconds; 0 if no call was measured. */
    public long windowMicros() {
        return started ? (lastEndNanos - startNanos) / 1_000 : 0;
    }

    /** Attempts per second of the measured window; 0 if no call was measured. */
    public double attemptRate() {
        return started && lastEndNanos > startNanos ? attempts * 1e9 / (lastEndNanos - startNanos) : 0;
    }

    /** 1 if this thread was measured in the iteration, else 0: the sum over threads is the role's thread count. */
    public long threads() {
        return started ? 1 : 0;
    }

    /** CPU time of the role's thread (or background threads) in the window, in microseconds. */
    public long cpuMicros() {
        return closed ? Math.max(0, endCpuNanos - startCpuNanos) / 1_000 : 0;
    }
}
