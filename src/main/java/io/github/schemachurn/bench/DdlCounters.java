package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.RoleCount;
import io.github.schemachurn.workload.Totals;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * Outcome counters of the schema changer (a churner, a registration, a migration): prefix "ddl",
 * so a strategy that starves the churner shows it.
 *
 * <p>Counted only inside JMH's measured window ({@link RoleCount}), so per iteration the
 * attempts equal JMH's ops for the method. The names are those of
 * {@link io.github.schemachurn.sqlite.CounterNames}; JMH needs them
 * spelled out as public fields ({@link RoleCount#publishTo} fails on a missing one), zeroes them
 * at every iteration start and sums them over threads.
 * EVENTS: plain totals per iteration, in every mode.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class DdlCounters {
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

    private final RoleCount count = new RoleCount();

    /** Where this call's outcome is counted: nowhere unless JMH measures the call. Not public: JMH would take a public method for a counter. */
    Tally during(Control control) {
        return count.enter(control.startMeasurement, control.stopMeasurement);
    }

    /**
     * For the one thread of a group that carries a role running outside JMH's threads (a paced
     * or background churner): counts what that role did while this thread was measured, from
     * its running totals and its threads' CPU time.
     */
    void carry(Control control, Supplier<Totals> totals, Supplier<Long> cpuNanos) {
        count.enterWithBackground(control.startMeasurement, control.stopMeasurement, totals, cpuNanos);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        count.reset();
    }

    @TearDown(Level.Iteration)
    public void publish() {
        count.publishTo(this, CounterNames.DDL);
    }
}
