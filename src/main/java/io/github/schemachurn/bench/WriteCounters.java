package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import org.openjdk.jmh.annotations.*;

/**
 * Outcome counters of a diagnosis's writer (the user's write statement beside the readers): prefix "write".
 * EVENTS: plain totals per iteration, in every mode ({@link RoleCounters}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class WriteCounters extends RoleCounters {
    public long writeAttempts;
    public long writeOk;
    public long writeSchema;
    public long writeNoSuchTable;
    public long writeBusy;
    public long writeBusySnapshot;
    public long writeLocked;
    public long writeDeadStatement;
    public long writeStaleColumns;
    public long writeOther;
    public long writeRetries;
    public long writeBusyWaits;
    public long writeWindowMicros;
    public long writeThreads;
    public long writeCpuMicros;
    public double writeAttemptRate;
    public double writeOkP50Micros;
    public double writeOkP90Micros;
    public double writeOkP99Micros;
    public double writeOkP999Micros;
    public double writeOkMaxMicros;
    public double writeFailP50Micros;
    public double writeFailP99Micros;
    public double writeLockWaitMicros;

    public WriteCounters() {
        super(CounterNames.WRITE);
    }
}
