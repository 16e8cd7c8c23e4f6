package io.github.schemachurn.bench;

import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.WalWatch;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * The write-ahead log in JMH's measured window ({@link io.github.schemachurn.workload.WalWindow}):
 * named as {@link io.github.schemachurn.sqlite.CounterNames} names them (WAL_*). The first thread
 * of the group to enter its measured window carries them; all are 0 where the database is not in
 * WAL mode. No public method here but the JMH fixtures: JMH would take one for a counter.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class WalCounters {
    public long walPeakBytes;
    public long walIncompleteCheckpoints;
    public long walSamples;

    private final WalWatch.Carrier carrier = new WalWatch.Carrier();

    /** At every call of the benchmark method: opens this thread's window when JMH's measurement starts, closes it when it stops. */
    void during(Control control, Fixture fixture) {
        carrier.enter(fixture.walWatch(), control.startMeasurement, control.stopMeasurement);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        carrier.reset();
    }

    @TearDown(Level.Iteration)
    public void publish() {
        carrier.close();
        walPeakBytes = carrier.peakBytes();
        walIncompleteCheckpoints = carrier.incompleteCheckpoints();
        walSamples = carrier.samples();
    }
}
