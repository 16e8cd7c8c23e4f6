package io.github.schemachurn.bench;

import io.github.schemachurn.workload.diagnosis.Migrator;
import io.github.schemachurn.workload.diagnosis.Stalls;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A reader's stalls in one measured iteration ({@link Stalls}): the longest time without a
 * successful read, and for a migration applied once, the time from its start until a read begun
 * after its commit succeeded (0 if none started in the window). Named as CounterNames.STALL_*, which
 * BenchmarkNamesTest holds them to. Fed only measured calls.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class StallCounters {
    public long stallLongestMicros;
    public long stallRecoveryMicros;

    private final Stalls stalls = new Stalls();

    void read(long startNanos, boolean ok, Migrator migrator) {
        stalls.read(startNanos, System.nanoTime(), ok, migrator.lastStartNanos(), migrator.lastCommitNanos());
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        stalls.reset();
    }

    @TearDown(Level.Iteration)
    public void publish() {
        stallLongestMicros = stalls.longestMicros();
        stallRecoveryMicros = stalls.recoveryMicros();
    }
}
