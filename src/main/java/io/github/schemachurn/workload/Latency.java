package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Tally;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of one role's operations, from an attempt's start to its outcome (retries included):
 * successes and failures in separate HdrHistograms (two significant digits: every value within
 * 1 %), and the time spent in this suite's own busy handler. Values above an hour count as an hour.
 */
public final class Latency {
    private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int SIGNIFICANT_DIGITS = 2;

    private final Histogram ok;
    private final Histogram failed;
    private long lockWaitNanos;

    public Latency() {
        this(new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS), new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS), 0);
    }

    private Latency(Histogram ok, Histogram failed, long lockWaitNanos) {
        this.ok = ok;
        this.failed = failed;
        this.lockWaitNanos = lockWaitNanos;
    }

    void ok(long nanos) {
        ok.recordValue(Math.min(nanos, HIGHEST_NANOS));
    }

    void failed(long nanos) {
        failed.recordValue(Math.min(nanos, HIGHEST_NANOS));
    }

    void lockWait(long nanos) {
        lockWaitNanos += nanos;
    }

    void reset() {
        ok.reset();
        failed.reset();
        lockWaitNanos = 0;
    }

    public long okCount() {
        return ok.getTotalCount();
    }

    public long failedCount() {
        return failed.getTotalCount();
    }

    /** The latency counters in microseconds, in the order of {@link CounterNames#latency}; 0 where nothing was recorded. */
    List<Double> counters() {
        return List.of(micros(ok.getValueAtPercentile(50)), micros(ok.getValueAtPercentile(90)),
                micros(ok.getValueAtPercentile(99)), micros(ok.getValueAtPercentile(99.9)), micros(ok.getMaxValue()),
                micros(failed.getValueAtPercentile(50)), micros(failed.getValueAtPercentile(99)), micros(lockWaitNanos));
    }

    /** Both histograms and the lock wait as one line of text (compressed, Base64), to carry from another process. */
    String encode() {
        return encode(ok) + " " + encode(failed) + " " + lockWaitNanos;
    }

    /** @throws IllegalArgumentException if {@code text} is not what {@link #encode()} wrote */
    static Latency decode(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an encoded latency: '" + text + "'");
        }
        try {
            return new Latency(decodeHistogram(parts[0]), decodeHistogram(parts[1]), Long.parseLong(parts[2]));
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency: '" + text + "' (" + e.getMessage() + ")");
        }
    }

    /** These operations' latency and {@code other}'s, in one: a role served by several processes. */
    Latency plus(Latency other) {
        Latency sum = new Latency();
        sum.ok.add(ok);
        sum.ok.add(other.ok);
        sum.failed.add(failed);
        sum.failed.add(other.failed);
        sum.lockWaitNanos = lockWaitNanos + other.lockWaitNanos;
        return sum;
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    private static Histogram decodeHistogram(String base64) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), HIGHEST_NANOS);
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }

    /**
     * Latency recorded by a role outside JMH's threads (a paced churner, registrations), from its
     * own thread, and taken by a measured thread as what happened since it last took it.
     */
    public static final class Recording {
        private final Recorder ok = new Recorder(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        private final Recorder failed = new Recorder(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        private final LongAdder lockWaitNanos = new LongAdder();

        /** {@code counts}, with each operation counted in it also timed here. For one thread at a time. */
        public Tally timing(Tally counts) {
            return new Tally() {
                private long startNanos;

                @Override
                public void attempt() {
                    counts.attempt();
                    startNanos = System.nanoTime();
                }

                @Override
                public void success() {
                    ok.recordValue(Math.min(System.nanoTime() - startNanos, HIGHEST_NANOS));
                    counts.success();
                }

                @Override
                public void failure(ErrorClass error) {
                    failed.recordValue(Math.min(System.nanoTime() - startNanos, HIGHEST_NANOS));
                    counts.failure(error);
                }

                @Override public void retries(long count) { counts.retries(count); }

                @Override public void busyWaits(long count) { counts.busyWaits(count); }

                @Override
                public void lockWaitNanos(long nanos) {
                    lockWaitNanos.add(nanos);
                    counts.lockWaitNanos(nanos);
                }
            };
        }

        /** What was recorded since the last call. */
        public Latency take() {
            return new Latency(ok.getIntervalHistogram(), failed.getIntervalHistogram(), lockWaitNanos.sumThenReset());
        }
    }
}
