package io.github.schemachurn.bench;

import io.github.schemachurn.workload.StallMeter;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Regime detection, per iteration: did reader and churner run in parallel or take turns?
 * <ul>
 * <li>{@code rgSchemaChanges}: schema changes committed in the iteration ({@code PRAGMA
 * schema_version} delta); reported by one thread of the group, 0 by the others, so the sum
 * over threads is right.</li>
 * <li>{@code rgReads}, {@code rgStalledReads}, {@code rgStallMicros}: the reader's calls, those
 * slower than {@link StallMeter#DEFAULT_THRESHOLD_NANOS} (1 ms), and their total time.</li>
 * </ul>
 * Reading them: stall time near the measured time times the readers means the reader mostly
 * waited (one core shared with the churner, or a lock); near 0 means it ran beside the churner.
 * EVENTS totals, summed over threads and, in the score, over iterations (per iteration in
 * rawData). The names start with "rg" to stay clear of {@link OpCounters} and {@link DdlCounters}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RegimeCounters {
    public long rgSchemaChanges;
    public long rgReads;
    public long rgStalledReads;
    public long rgStallMicros;

    private final StallMeter stalls = new StallMeter(StallMeter.DEFAULT_THRESHOLD_NANOS);

    /** Records one reader call that took {@code nanos}. */
    void readTook(long nanos) {
        stalls.record(nanos);
    }

    @Setup(Level.Iteration)
    public void reset() {
        rgSchemaChanges = rgReads = rgStalledReads = rgStallMicros = 0;
        stalls.reset();
    }

    @TearDown(Level.Iteration)
    public void collect(ScalingDatabase db) throws SQLException {
        rgSchemaChanges = db.schemaChanges.claimChanges();
        rgReads = stalls.calls();
        rgStalledReads = stalls.stalledCalls();
        rgStallMicros = stalls.stalledNanos() / 1_000;
    }
}
