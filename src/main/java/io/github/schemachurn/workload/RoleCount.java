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
import java.util.SplittableRandom;
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
 * <p>Latency: measured operations are timed from their attempt to their outcome and recorded
 * ({@link Latency}), successes apart from failures: two clock reads (about 26 ns each on this
 * project's VM) and a histogram record, nothing allocated. That is noise for a 50 µs operation and
 * about 1 % of a 5 µs read, so a fast role times a random sample (JMH's SampleTime mode likewise
 * times a subset of calls): when the thread's previous window ran at least twice
 * {@value #TIMED_PER_SECOND} attempts per second, it times one operation in (rate /
 * {@value #TIMED_PER_SECOND}) on average, at most one in {@value #MAX_ONE_IN}; the gap to the next
 * timed one is drawn at the attempt, before its outcome is known, so the sample is unbiased. Counts
 * stay exact. The window's end is the last timed outcome, or the close if operations ran after it.
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

    /** Timed operations per second a fast role keeps: over 10 per 1 s iteration above its p99.9. */
    public static final int TIMED_PER_SECOND = 20_000;
    private static final int MAX_ONE_IN = 64;
    private final SplittableRandom sampler = new SplittableRandom(0x5eed);
    /** One operation in this many is timed on average (1: every one), decided from the previous window's rate. */
    private int oneIn = 1;
    private int untilTimed;
    private boolean timing;

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

    /** One operation in how many to time, at a thread's rate of attempts per second: 1 (every one) up to twice {@value #TIMED_PER_SECOND}. */
    static int timeOneIn(double attemptsPerSecond) {
        return (int) Math.max(1, Math.min(MAX_ONE_IN, attemptsPerSecond / TIMED_PER_SECOND));
    }

    /** Forgets everything but how often to time operations (from this window's rate): call at the start of every iteration. */
    public void reset() {
        oneIn = timeOneIn(attemptRate());
        untilTimed = 0;
        timing = false;
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
        if (!timing && attempts > 0) {
            lastEndNanos = System.nanoTime(); // untimed operations ran after the last timed one
        }
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
        timing = --untilTimed <= 0;
        if (timing) {
            untilTimed = oneIn == 1 ? 1 : 1 + sampler.nextInt(2 * oneIn - 1); // a gap of oneIn on average
            attemptStartNanos = System.nanoTime();
        }
    }

    @Override
    public void success() {
        ok++;
        if (timing) {
            long end = System.nanoTime();
            lastEndNanos = end;
            latency.ok(end - attemptStartNanos);
        }
    }

    @Override
    public void failure(ErrorClass error) {
        failures[error.ordinal()]++;
        if (timing) {
            long end = System.nanoTime();
            lastEndNanos = end;
            latency.failed(end - attemptStartNanos);
        }
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
