package io.github.schemachurn.sqlite;

import java.util.EnumMap;
import java.util.Map;

/** A plain {@link Tally}: one operation's outcome, or many, for code outside JMH's counters (background loops, tests). */
public final class Counts implements Tally {
    private long attempts;
    private long successes;
    private long retries;
    private long busyWaits;
    private final Map<ErrorClass, Long> failures = new EnumMap<>(ErrorClass.class);

    @Override public void attempt() { attempts++; }

    @Override public void success() { successes++; }

    @Override public void failure(ErrorClass error) { failures.merge(error, 1L, Long::sum); }

    @Override public void retries(long count) { retries += count; }

    @Override public void busyWaits(long count) { busyWaits += count; }

    public long busyWaits() { return busyWaits; }

    public long attempts() { return attempts; }

    public long successes() { return successes; }

    public long retries() { return retries; }

    public long failures(ErrorClass error) { return failures.getOrDefault(error, 0L); }

    public long failures() { return failures.values().stream().mapToLong(Long::longValue).sum(); }

    @Override
    public String toString() {
        return "attempts=" + attempts + " ok=" + successes + " retries=" + retries + " busyWaits=" + busyWaits + " failures=" + failures;
    }
}
