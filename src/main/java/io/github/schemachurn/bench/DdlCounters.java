package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import org.openjdk.jmh.annotations.*;

/**
 * Outcome counters of the schema changer (a churner, a registration, a migration): prefix "ddl",
 * so a strategy that starves the churner shows it.
 * EVENTS: plain totals per iteration, in every mode ({@link RoleCounters}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class DdlCounters extends RoleCounters {
    public long ddlAttempts;
    public long ddlOk;
    public long ddlSchema;
    public long ddlNoSuchTable;
    public long ddlBusy;
    public long ddlBusySnapshot;
    public long ddlLocked;
    public long ddlDeadStatement;
    public long ddlStaleColumns;
    public long ddlOther;
    public long ddlRetries;
    public long ddlBusyWaits;
    public long ddlWindowMicros;
    public long ddlThreads;
    public long ddlCpuMicros;
    public double ddlAttemptRate;
    public double ddlOkP50Micros;
    public double ddlOkP90Micros;
    public double ddlOkP99Micros;
    public double ddlOkP999Micros;
    public double ddlOkMaxMicros;
    public double ddlFailP50Micros;
    public double ddlFailP99Micros;
    public double ddlLockWaitMicros;

    public DdlCounters() {
        super(CounterNames.DDL);
    }
}
