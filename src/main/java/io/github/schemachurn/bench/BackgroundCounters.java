package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.workload.CrashStats;
import io.github.schemachurn.workload.Totals;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the roles outside JMH's workers did during one iteration of
 * {@link CrossProcessChurnBenchmark}: the churner's DDL (ddl*, same names as {@link DdlCounters}),
 * the background writer's inserts (write*), and crash injection (crash*). EVENTS totals; one
 * reader thread per iteration carries them (the others carry zeros), so JMH's sum over threads
 * is the total.
 *
 * <p>{@code ddlMillis} is the length of the window the counts cover (iteration setup to iteration
 * teardown, a little longer than the measured time): the churner's rate is
 * {@code ddlOk / ddlMillis * 1000} DDL/s, in every churner placement alike, and summing both over
 * iterations keeps that exact.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class BackgroundCounters {
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
    public long ddlMillis;

    public long writeAttempts;
    public long writeOk;
    public long writeSchema;
    public long writeNoSuchTable;
    public long writeBusy;
    public long writeBusySnapshot;
    public long writeLocked;
    public long writeDeadStatement;
    public long writeOther;
    public long writeRetries;

    public long crashKills;
    public long crashKillsMidTransaction;
    public long crashKillsInCommit;
    public long crashUnacknowledged;
    public long crashRecoveries;
    public long crashCorruptions;
    public long crashLostWrites;
    public long crashWrongTables;
    public long crashHotJournals;

    private CrossProcessChurnBenchmark.Site site;

    @Setup(Level.Trial)
    public void bind(CrossProcessChurnBenchmark.Site site) {
        this.site = site;
    }

    // JMH keeps counter values across iterations unless they are reset.
    @Setup(Level.Iteration)
    public void reset() {
        set(Totals.ZERO, Totals.ZERO, CrashStats.ZERO, 0);
    }

    @TearDown(Level.Iteration)
    public void collect() {
        CrossProcessChurnBenchmark.Window window = site.claimWindow();
        if (window != null) {
            set(window.ddl(), window.writes(), window.crashes(), window.millis());
        }
    }

    private void set(Totals ddl, Totals writes, CrashStats crashes, long millis) {
        ddlAttempts = ddl.attempts();
        ddlOk = ddl.ok();
        ddlSchema = ddl.failures(ErrorClass.SCHEMA);
        ddlNoSuchTable = ddl.failures(ErrorClass.NO_SUCH_TABLE);
        ddlBusy = ddl.failures(ErrorClass.BUSY);
        ddlBusySnapshot = ddl.failures(ErrorClass.BUSY_SNAPSHOT);
        ddlLocked = ddl.failures(ErrorClass.LOCKED);
        ddlDeadStatement = ddl.failures(ErrorClass.DEAD_STATEMENT);
        ddlOther = ddl.failures(ErrorClass.OTHER);
        ddlRetries = ddl.retries();
        ddlMillis = millis;
        writeAttempts = writes.attempts();
        writeOk = writes.ok();
        writeSchema = writes.failures(ErrorClass.SCHEMA);
        writeNoSuchTable = writes.failures(ErrorClass.NO_SUCH_TABLE);
        writeBusy = writes.failures(ErrorClass.BUSY);
        writeBusySnapshot = writes.failures(ErrorClass.BUSY_SNAPSHOT);
        writeLocked = writes.failures(ErrorClass.LOCKED);
        writeDeadStatement = writes.failures(ErrorClass.DEAD_STATEMENT);
        writeOther = writes.failures(ErrorClass.OTHER);
        writeRetries = writes.retries();
        crashKills = crashes.kills();
        crashKillsMidTransaction = crashes.killsMidTransaction();
        crashKillsInCommit = crashes.killsInCommit();
        crashUnacknowledged = crashes.unacknowledged();
        crashRecoveries = crashes.recoveries();
        crashCorruptions = crashes.corruptions();
        crashLostWrites = crashes.lostWrites();
        crashWrongTables = crashes.wrongTables();
        crashHotJournals = crashes.hotJournals();
        Accounting.check("ddl", ddlAttempts, ddlOk, ddl.failures());
        Accounting.check("write", writeAttempts, writeOk, writes.failures());
    }
}
