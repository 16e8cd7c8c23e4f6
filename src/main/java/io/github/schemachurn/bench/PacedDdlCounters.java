package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.workload.PacedLoop;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The background churner's outcomes per iteration, under names of their own ("paced…"): the
 * same classes as {@link DdlCounters}, plus {@code pacedSteps} (DDL the rate limiter let through)
 * and {@code pacedMicros} (how long the churner ran). The achieved rate is
 * pacedSteps / pacedMicros * 1e6 (both summed over iterations, so the ratio stays exact); the
 * target is the {@code ddlPerSecond} parameter. Reported by one thread of the group, 0 by the others.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PacedDdlCounters {
    public long pacedAttempts;
    public long pacedOk;
    public long pacedSchema;
    public long pacedNoSuchTable;
    public long pacedBusy;
    public long pacedBusySnapshot;
    public long pacedLocked;
    public long pacedDeadStatement;
    public long pacedOther;
    public long pacedRetries;
    public long pacedSteps;
    public long pacedMicros;

    @Setup(Level.Iteration)
    public void reset() {
        pacedAttempts = pacedOk = pacedSchema = pacedNoSuchTable = pacedBusy = pacedBusySnapshot = 0;
        pacedLocked = pacedDeadStatement = pacedOther = pacedRetries = pacedSteps = pacedMicros = 0;
    }

    @TearDown(Level.Iteration)
    public void collect(PacedChurner churner) {
        PacedLoop.Run run = churner.claimRun();
        if (run == null) {
            return;
        }
        Counts c = run.counts();
        pacedAttempts = c.attempts();
        pacedOk = c.successes();
        pacedSchema = c.failures(ErrorClass.SCHEMA);
        pacedNoSuchTable = c.failures(ErrorClass.NO_SUCH_TABLE);
        pacedBusy = c.failures(ErrorClass.BUSY);
        pacedBusySnapshot = c.failures(ErrorClass.BUSY_SNAPSHOT);
        pacedLocked = c.failures(ErrorClass.LOCKED);
        pacedDeadStatement = c.failures(ErrorClass.DEAD_STATEMENT);
        pacedOther = c.failures(ErrorClass.OTHER);
        pacedRetries = c.retries();
        pacedSteps = run.steps();
        pacedMicros = run.elapsedNanos() / 1_000;
        Accounting.check("paced ddl", pacedAttempts, pacedOk, c.failures());
    }
}
