package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.RoleCount;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * Outcome counters of the measured operation (a read, an insert, a page request): prefix "op".
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
public class OpCounters {
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

    private final RoleCount count = new RoleCount();

    /** Where this call's outcome is counted: nowhere unless JMH measures the call. Not public: JMH would take a public method for a counter. */
    Tally during(Control control) {
        return count.enter(control.startMeasurement, control.stopMeasurement);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        count.reset();
    }

    @TearDown(Level.Iteration)
    public void publish() {
        count.publishTo(this, CounterNames.OPERATION);
    }
}
