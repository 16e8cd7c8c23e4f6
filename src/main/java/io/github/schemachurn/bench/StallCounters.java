package io.github.schemachurn.bench;

import java.util.List;
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
 * after its commit succeeded (0 if none started in the window); and what the rest of the group
 * met in the iteration: the writer's longest call, and how long the migration's steps held the
 * write lock (median and longest). Named as CounterNames.STALL_* and MIGRATION_LOCK_*, which
 * BenchmarkNamesTest holds them to. Reads are fed only measured calls; the writer and the
 * migration are taken per iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class StallCounters {
    public long stallLongestMicros;
    public long stallRecoveryMicros;
    public long stallWriteLongestMicros;
    public long migrationLockP50Micros;
    public long migrationLockMaxMicros;

    private final Stalls stalls = new Stalls();

    void read(long startNanos, boolean ok, Migrator migrator) {
        stalls.read(startNanos, System.nanoTime(), ok, migrator.lastStartNanos(), migrator.lastCommitNanos());
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        stalls.reset();
    }

    @TearDown(Level.Iteration)
    public void publish(DiagnoseBenchmark.Migration migration) {
        stallLongestMicros = stalls.longestMicros();
        stallRecoveryMicros = stalls.recoveryMicros();
        stallWriteLongestMicros = migration.copy.writer() == null ? 0 : migration.copy.writer().takeLongestMicros();
        List<Long> holds = migration.copy.migrator().takeLockHoldsNanos().stream().sorted().toList();
        migrationLockP50Micros = holds.isEmpty() ? 0 : holds.get(holds.size() / 2) / 1_000;
        migrationLockMaxMicros = holds.isEmpty() ? 0 : holds.get(holds.size() - 1) / 1_000;
    }
}
