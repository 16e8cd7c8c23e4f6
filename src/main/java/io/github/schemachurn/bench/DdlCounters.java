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
 * Per-thread outcome counters of the churner's DDL, the twin of {@link OpCounters} under names
 * of its own: ddlOk is the churner's achieved rate of schema changes.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class DdlCounters implements Tally {
    public long ddlAttempts;
    public long ddlOk;
    public long ddlSchema;
    public long ddlNoSuchTable;
    public long ddlBusy;
    public long ddlBusySnapshot;
    public long ddlLocked;
    public long ddlDeadStatement;
    public long ddlOther;
    public long ddlRetries;

    @Override public void attempt() { ddlAttempts++; }

    @Override public void success() { ddlOk++; }

    @Override public void retries(long count) { ddlRetries += count; }

    @Override
    public void failure(ErrorClass error) {
        switch (error) {
            case SCHEMA -> ddlSchema++;
            case NO_SUCH_TABLE -> ddlNoSuchTable++;
            case BUSY -> ddlBusy++;
            case BUSY_SNAPSHOT -> ddlBusySnapshot++;
            case LOCKED -> ddlLocked++;
            case DEAD_STATEMENT -> ddlDeadStatement++;
            case OTHER -> ddlOther++;
        }
    }

    @Setup(Level.Iteration)
    public void reset() {
        ddlAttempts = ddlOk = ddlSchema = ddlNoSuchTable = ddlBusy = ddlBusySnapshot = 0;
        ddlLocked = ddlDeadStatement = ddlOther = ddlRetries = 0;
    }

    @TearDown(Level.Iteration)
    public void checkEveryAttemptCounted() {
        long failures = ddlSchema + ddlNoSuchTable + ddlBusy + ddlBusySnapshot + ddlLocked + ddlDeadStatement + ddlOther;
        Accounting.check("ddl", ddlAttempts, ddlOk, failures);
    }
}
