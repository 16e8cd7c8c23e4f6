package io.github.schemachurn.workload;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.ErrorClass;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable snapshot of one role's outcome counts: attempts, successes, failures by
 * {@link ErrorClass}, retries, busy waits. Snapshots are published whole after each operation, so a reader
 * on another thread (or in another process, through {@link ChurnReport}) always sees
 * attempts = ok + failures.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Totals {
    public static final Totals ZERO = new Totals(0, 0, 0, 0, new long[ErrorClass.values().length]);

    private final long attempts;
    private final long ok;
    private final long retries;
    private final long busyWaits;
    private final long[] failures;

    /**
     * The counts a churner process reported.
     *
     * @throws IllegalArgumentException if a failure class's count is missing, or if they do not
     *                                  add up (attempts != ok + failures)
     */
    @JsonCreator
    static Totals of(@JsonProperty("attempts") long attempts, @JsonProperty("ok") long ok,
                     @JsonProperty("failures") Map<ErrorClass, Long> failures,
                     @JsonProperty("retries") long retries, @JsonProperty("busyWaits") long busyWaits) {
        long[] byClass = new long[ErrorClass.values().length];
        for (ErrorClass error : ErrorClass.values()) {
            Long count = failures.get(error);
            if (count == null) {
                throw new IllegalArgumentException("failures of " + error + " missing");
            }
            byClass[error.ordinal()] = count;
        }
        Totals totals = new Totals(attempts, ok, retries, busyWaits, byClass);
        if (attempts != ok + totals.failures()) {
            throw new IllegalArgumentException("counts do not add up: attempts " + attempts + " != ok " + ok
                    + " + failures " + totals.failures());
        }
        return totals;
    }

    private Totals(long attempts, long ok, long retries, long busyWaits, long[] failures) {
        this.attempts = attempts;
        this.ok = ok;
        this.retries = retries;
        this.busyWaits = busyWaits;
        this.failures = failures;
    }

    @JsonProperty("attempts")
    public long attempts() { return attempts; }

    @JsonProperty("ok")
    public long ok() { return ok; }

    @JsonProperty("retries")
    public long retries() { return retries; }

    @JsonProperty("busyWaits")
    public long busyWaits() { return busyWaits; }

    public long failures(ErrorClass error) { return failures[error.ordinal()]; }

    @JsonProperty("failures")
    Map<ErrorClass, Long> failuresByClass() {
        Map<ErrorClass, Long> byClass = new EnumMap<>(ErrorClass.class);
        for (ErrorClass error : ErrorClass.values()) {
            byClass.put(error, failures(error));
        }
        return byClass;
    }

    public long failures() {
        return Arrays.stream(failures).sum();
    }

    /** These totals plus one more operation's outcome. */
    public Totals plus(Counts step) {
        long[] sum = failures.clone();
        for (ErrorClass error : ErrorClass.values()) {
            sum[error.ordinal()] += step.failures(error);
        }
        return new Totals(attempts + step.attempts(), ok + step.successes(), retries + step.retries(),
                busyWaits + step.busyWaits(), sum);
    }

    public Totals plus(Totals other) {
        return combine(other, 1);
    }

    /** The counts between an earlier snapshot and this one. */
    public Totals minus(Totals earlier) {
        return combine(earlier, -1);
    }

    private Totals combine(Totals other, int sign) {
        long[] sum = failures.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * other.failures[i];
        }
        return new Totals(attempts + sign * other.attempts, ok + sign * other.ok, retries + sign * other.retries,
                busyWaits + sign * other.busyWaits, sum);
    }

    /** Counts in JSON, as a churner process reports them. */
    @Override
    public String toString() {
        return ChurnReport.json(this);
    }
}
