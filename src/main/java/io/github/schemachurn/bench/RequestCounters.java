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
 * Page requests per outcome ("req…"): the % of failed requests of a class is
 * reqX / reqAttempts * 100. A request is never retried, so there is no retry count.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RequestCounters implements Tally {
    public long reqAttempts;
    public long reqOk;
    public long reqSchema;
    public long reqNoSuchTable;
    public long reqBusy;
    public long reqBusySnapshot;
    public long reqLocked;
    public long reqDeadStatement;
    public long reqOther;

    @Override public void attempt() { reqAttempts++; }

    @Override public void success() { reqOk++; }

    @Override public void retries(long count) {}

    @Override
    public void failure(ErrorClass error) {
        switch (error) {
            case SCHEMA -> reqSchema++;
            case NO_SUCH_TABLE -> reqNoSuchTable++;
            case BUSY -> reqBusy++;
            case BUSY_SNAPSHOT -> reqBusySnapshot++;
            case LOCKED -> reqLocked++;
            case DEAD_STATEMENT -> reqDeadStatement++;
            case OTHER -> reqOther++;
        }
    }

    @Setup(Level.Iteration)
    public void reset() {
        reqAttempts = reqOk = reqSchema = reqNoSuchTable = reqBusy = reqBusySnapshot = 0;
        reqLocked = reqDeadStatement = reqOther = 0;
    }

    @TearDown(Level.Iteration)
    public void checkEveryRequestCounted() {
        long failures = reqSchema + reqNoSuchTable + reqBusy + reqBusySnapshot + reqLocked + reqDeadStatement + reqOther;
        Accounting.check("request", reqAttempts, reqOk, failures);
    }
}
