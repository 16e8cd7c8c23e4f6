package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Tally;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable snapshot of one role's outcome counts: attempts, successes, failures by
 * {@link ErrorClass}, retries, busy waits. Snapshots are published whole after each operation, so a reader
 * on another thread (or in another process, through {@link #toFields()}) always sees
 * attempts = ok + failures.
 */
public final class Totals {
    public static final Totals ZERO = new Totals(0, 0, 0, 0, new long[ErrorClass.values().length]);

    private final long attempts;
    private final long ok;
    private final long retries;
    private final long busyWaits;
    private final long[] failures;

    private Totals(long attempts, long ok, long retries, long busyWaits, long[] failures) {
        this.attempts = attempts;
        this.ok = ok;
        this.retries = retries;
        this.busyWaits = busyWaits;
        this.failures = failures;
    }

    public long attempts() { return attempts; }

    public long ok() { return ok; }

    public long retries() { return retries; }

    public long busyWaits() { return busyWaits; }

    public long failures(ErrorClass error) { return failures[error.ordinal()]; }

    public long failures() {
        return Arrays.stream(failures).sum();
    }

    /** These totals plus one more operation's outcome. */
    public Totals plus(Step step) {
        long[] sum = failures.clone();
        if (step.failure != null) {
            sum[step.failure.ordinal()]++;
        }
        return new Totals(attempts + step.attempts, ok + step.ok, retries + step.retries, busyWaits + step.busyWaits, sum);
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

    /** Space-separated key=value fields, e.g. {@code attempts=3 ok=2 SCHEMA=0 BUSY=1 … retries=0 busyWaits=0}. */
    public String toFields() {
        StringBuilder line = new StringBuilder("attempts=").append(attempts).append(" ok=").append(ok);
        for (ErrorClass error : ErrorClass.values()) {
            line.append(' ').append(error.name()).append('=').append(failures(error));
        }
        return line.append(" retries=").append(retries).append(" busyWaits=").append(busyWaits).toString();
    }

    /**
     * Parses the fields {@link #toFields()} wrote, among others on the same line.
     *
     * @throws IllegalArgumentException naming the line if a field is missing or not a number,
     *                                  or if the counts do not add up
     */
    public static Totals parse(String line) {
        Map<String, String> fields = fields(line);
        long[] failures = new long[ErrorClass.values().length];
        for (ErrorClass error : ErrorClass.values()) {
            failures[error.ordinal()] = number(fields, error.name(), line);
        }
        Totals totals = new Totals(number(fields, "attempts", line), number(fields, "ok", line),
                number(fields, "retries", line), number(fields, "busyWaits", line), failures);
        if (totals.attempts != totals.ok + totals.failures()) {
            throw new IllegalArgumentException("counts do not add up (attempts != ok + failures) in '" + line + "'");
        }
        return totals;
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String token : line.trim().split(" +")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return fields;
    }

    private static long number(Map<String, String> fields, String key, String line) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("field " + key + " missing in '" + line + "'");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + key + " is not a number in '" + line + "'");
        }
    }

    @Override
    public String toString() {
        return toFields();
    }

    /** One operation's outcome, collected through {@link Tally} while it runs. */
    public static final class Step implements Tally {
        private long attempts;
        private long ok;
        private long retries;
        private long busyWaits;
        private ErrorClass failure;

        @Override public void attempt() { attempts++; }

        @Override public void success() { ok++; }

        @Override public void failure(ErrorClass error) { failure = error; }

        @Override public void retries(long count) { retries += count; }

        @Override public void busyWaits(long count) { busyWaits += count; }
    }
}
