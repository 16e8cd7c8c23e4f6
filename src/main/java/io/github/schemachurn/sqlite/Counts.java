package io.github.schemachurn.sqlite;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * One role's outcome counts: attempts, successes, failures by {@link ErrorClass}, retries, busy
 * waits. A plain {@link Tally} for code outside JMH's counters (background loops, tests); a loop
 * publishes its running counts as a new object after each operation ({@link #plus}), never
 * changed again, so a reader on another thread (or in another process, as JSON) always sees
 * attempts = ok + failures.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Counts implements Tally {
    private static final ObjectMapper JSON = new ObjectMapper();

    private long attempts;
    private long ok;
    private long retries;
    private long busyWaits;
    private final long[] failures;

    public Counts() {
        this(0, 0, 0, 0, new long[ErrorClass.values().length]);
    }

    private Counts(long attempts, long ok, long retries, long busyWaits, long[] failures) {
        this.attempts = attempts;
        this.ok = ok;
        this.retries = retries;
        this.busyWaits = busyWaits;
        this.failures = failures;
    }

    /**
     * The counts a churner process reported.
     *
     * @throws IllegalArgumentException if a failure class's count is missing, or if they do not
     *                                  add up (attempts != ok + failures)
     */
    @JsonCreator
    static Counts of(@JsonProperty("attempts") long attempts, @JsonProperty("ok") long ok,
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
        Counts counts = new Counts(attempts, ok, retries, busyWaits, byClass);
        if (attempts != ok + counts.failures()) {
            throw new IllegalArgumentException("counts do not add up: attempts " + attempts + " != ok " + ok
                    + " + failures " + counts.failures());
        }
        return counts;
    }

    @Override public void attempt() { attempts++; }

    @Override public void success() { ok++; }

    @Override public void failure(ErrorClass error) { failures[error.ordinal()]++; }

    @Override public void retries(long count) { retries += count; }

    @Override public void busyWaits(long count) { busyWaits += count; }

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

    /** New counts: these plus {@code other}'s. */
    public Counts plus(Counts other) {
        return combine(other, 1);
    }

    /** New counts: those between an earlier snapshot and these. */
    public Counts minus(Counts earlier) {
        return combine(earlier, -1);
    }

    private Counts combine(Counts other, int sign) {
        long[] sum = failures.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * other.failures[i];
        }
        return new Counts(attempts + sign * other.attempts, ok + sign * other.ok, retries + sign * other.retries,
                busyWaits + sign * other.busyWaits, sum);
    }

    /** Counts in JSON, as a churner process reports them. */
    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write counts as JSON", e);
        }
    }
}
