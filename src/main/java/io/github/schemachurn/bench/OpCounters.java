package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import org.openjdk.jmh.annotations.*;

/**
 * Outcome counters of the measured operation (a read, an insert, a page request): prefix "op".
 * EVENTS: plain totals per iteration, in every mode ({@link RoleCounters}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class OpCounters extends RoleCounters {
    public long opAttempts;
    public long opOk;
    public long opSchema;
    public long opNoSuchTable;
    public long opBusy;
    public long opBusySnapshot;
    public long opLocked;
    public long opDeadStatement;
    public long opStaleColumns;
    public long opOther;
    public long opRetries;
    public long opBusyWaits;
    public long opWindowMicros;
    public long opThreads;
    public long opCpuMicros;
    public double opAttemptRate;
    public double opOkP50Micros;
    public double opOkP90Micros;
    public double opOkP99Micros;
    public double opOkP999Micros;
    public double opOkMaxMicros;
    public double opFailP50Micros;
    public double opFailP99Micros;
    public double opLockWaitMicros;

    public OpCounters() {
        super(CounterNames.OPERATION);
    }
}
