package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.Audit;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The database one benchmark group shares: a fresh file per trial in a private temp directory,
 * seeded, with the group's locking strategy, retry policy and busy timeout; audited and removed
 * at the end of the trial.
 */
@State(Scope.Group)
public class ChurnedDatabase {
    @Param({"WAL", "DELETE"})
    public String journal;

    /** How the churner wraps its DDL: {@link DdlStrategy}. */
    @Param({"AUTOCOMMIT", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"})
    public String ddl;

    /** How every thread reacts to a failure: {@link RetryPolicy}. */
    @Param({"NONE"})
    public String retry;

    /** SQLite's busy_timeout in ms on every connection (the driver's own default would be 3000). */
    @Param({"0"})
    public String busyTimeout;

    /** Extra tables, each with an index, that make every schema reload slower. */
    @Param({"0"})
    public String extraTables;

    /** What the churner changes: {@link SchemaChange}. */
    @Param({"SIDE_TABLE"})
    public String target;

    @Param({"10000"})
    public String rows;

    Database database;
    DdlStrategy ddlStrategy;
    RetryPolicy retryPolicy;
    SchemaChange churnTarget;
    int rowCount;
    /** Shared by the churner ({@link DdlStrategy#APP_LOCK}) and readers that take its read side. */
    final ReadWriteLock appLock = new ReentrantReadWriteLock();
    /** Inserts acknowledged over the whole trial, for the audit. */
    final LongAdder acknowledgedWrites = new LongAdder();
    /** Gives each writer its own id range. */
    final AtomicInteger writers = new AtomicInteger();
    /** The group's churner, for the audit. */
    volatile Churner churner;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        // Parse everything before creating anything, so bad input leaves nothing behind.
        JournalMode journalMode = Params.parseEnum("journal", journal, JournalMode.class);
        ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        retryPolicy = Params.parseEnum("retry", retry, RetryPolicy.class);
        churnTarget = Params.parseEnum("target", target, SchemaChange.class);
        churnTarget.check(ddlStrategy);
        int busyTimeoutMs = Params.parseNonNegativeInt("busyTimeout", busyTimeout);
        int extra = Params.parseNonNegativeInt("extraTables", extraTables);
        rowCount = Params.parseNonNegativeInt("rows", rows);

        database = Workload.createDatabase(journalMode, busyTimeoutMs, rowCount, extra);
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws SQLException {
        try (Connection c = database.connect(Database.PATIENT_BUSY_TIMEOUT_MS)) {
            Audit.verify(c, acknowledgedWrites.sum(), churner);
        } finally {
            database.close();
        }
    }
}
