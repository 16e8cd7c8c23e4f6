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
 * The registration thread's outcomes per iteration ("reg…"); regMicros is how long it ran, so
 * regOk / regMicros * 1e6 is the achieved registration rate. Reported by one request thread of
 * the group, 0 by the others.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RegistrationCounters {
    public long regAttempts;
    public long regOk;
    public long regSchema;
    public long regNoSuchTable;
    public long regBusy;
    public long regBusySnapshot;
    public long regLocked;
    public long regDeadStatement;
    public long regOther;
    public long regMicros;

    @Setup(Level.Iteration)
    public void reset() {
        regAttempts = regOk = regSchema = regNoSuchTable = regBusy = regBusySnapshot = 0;
        regLocked = regDeadStatement = regOther = regMicros = 0;
    }

    @TearDown(Level.Iteration)
    public void collect(Site site) {
        PacedLoop.Run run = site.claimRun();
        if (run == null) {
            return;
        }
        Counts c = run.counts();
        regAttempts = c.attempts();
        regOk = c.successes();
        regSchema = c.failures(ErrorClass.SCHEMA);
        regNoSuchTable = c.failures(ErrorClass.NO_SUCH_TABLE);
        regBusy = c.failures(ErrorClass.BUSY);
        regBusySnapshot = c.failures(ErrorClass.BUSY_SNAPSHOT);
        regLocked = c.failures(ErrorClass.LOCKED);
        regDeadStatement = c.failures(ErrorClass.DEAD_STATEMENT);
        regOther = c.failures(ErrorClass.OTHER);
        regMicros = run.elapsedNanos() / 1_000;
        Accounting.check("registration", regAttempts, regOk, c.failures());
    }
}
