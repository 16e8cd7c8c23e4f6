package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Tally;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-thread outcome counters of the measured operation (a read or an insert), one public field
 * per JMH secondary metric. Names start with "op" because JMH's counter names are one namespace
 * shared with the churner's {@link DdlCounters}.
 *
 * <p>They are totals (EVENTS), not rates: JMH reports totals in every mode, SampleTime included,
 * and integer totals keep attempts = successes + failures exact in the results. The rate of a
 * class is the role's throughput (JMH's per-method score, over the measured time) times its
 * share of attempts.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class OpCounters implements Tally {
    public long opAttempts;
    public long opOk;
    public long opSchema;
    public long opNoSuchTable;
    public long opBusy;
    public long opBusySnapshot;
    public long opLocked;
    public long opDeadStatement;
    public long opOther;
    public long opRetries;

    @Override public void attempt() { opAttempts++; }

    @Override public void success() { opOk++; }

    @Override public void retries(long count) { opRetries += count; }

    @Override
    public void failure(ErrorClass error) {
        switch (error) {
            case SCHEMA -> opSchema++;
            case NO_SUCH_TABLE -> opNoSuchTable++;
            case BUSY -> opBusy++;
            case BUSY_SNAPSHOT -> opBusySnapshot++;
            case LOCKED -> opLocked++;
            case DEAD_STATEMENT -> opDeadStatement++;
            case OTHER -> opOther++;
        }
    }

    // JMH keeps counter values across iterations unless they are reset.
    @Setup(Level.Iteration)
    public void reset() {
        opAttempts = opOk = opSchema = opNoSuchTable = opBusy = opBusySnapshot = 0;
        opLocked = opDeadStatement = opOther = opRetries = 0;
    }

    @TearDown(Level.Iteration)
    public void checkEveryAttemptCounted() {
        long failures = opSchema + opNoSuchTable + opBusy + opBusySnapshot + opLocked + opDeadStatement + opOther;
        Accounting.check("op", opAttempts, opOk, failures);
    }
}
