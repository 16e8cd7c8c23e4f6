package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.Latency;
import io.github.schemachurn.workload.RoleCount;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * What every role's counter class shares: counts only inside JMH's measured window
 * ({@link RoleCount}), so per iteration the attempts equal JMH's ops for the method, and
 * publishes them into the subclass's public fields, named as
 * {@link io.github.schemachurn.sqlite.CounterNames} names them under the role's prefix. JMH needs
 * the fields spelled out in the {@code @AuxCounters} class itself (it does not see inherited
 * ones; {@link RoleCount#publishTo} fails on a missing one); it zeroes them at every iteration
 * start and sums them over threads. No public method here but the JMH fixtures: JMH would take
 * one for a counter.
 */
public abstract class RoleCounters {
    final RoleCount count = new RoleCount();
    private final String prefix;

    RoleCounters(String prefix) {
        this.prefix = prefix;
    }

    /** Where this call's outcome is counted: nowhere unless JMH measures the call. */
    Tally during(Control control) {
        return count.enter(control.startMeasurement, control.stopMeasurement);
    }

    /**
     * For the one thread of a group that carries a role running outside JMH's threads (a paced
     * or background churner, pages served by worker processes, a diagnosis's writer): counts what
     * that role did while this thread was measured, from its running totals and its threads' CPU
     * time, and the latency it recorded meanwhile.
     */
    void carry(Control control, Supplier<Counts> totals, Supplier<Long> cpuNanos, Supplier<Latency> latency) {
        count.enterWithBackground(control.startMeasurement, control.stopMeasurement, totals, cpuNanos, latency);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        count.reset();
    }

    @TearDown(Level.Iteration)
    public void publish() {
        count.publishTo(this, prefix);
    }
}
