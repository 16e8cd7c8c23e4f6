package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.CpuPlacement;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.SchemaChange;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/**
 * The database one benchmark group shares ({@link Fixture}): a fresh seeded file per trial, with
 * the group's locking strategy, retry policy, busy timeout, schema change and CPU placement;
 * audited exactly and removed at the end of the trial. Every benchmark whose roles are readers,
 * writers and a churner uses this one state, so its params mean the same everywhere.
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
    public String change;

    /**
     * Where the roles' threads run: {@link CpuPlacement}. On two cores a reader and a churner
     * either share one core or get one each, and the results differ by several times: pinning
     * makes that a measured row instead of a coin toss per fork.
     */
    @Param({"SPLIT", "SHARED"})
    public String cpus;

    @Param({"10000"})
    public String rows;

    Fixture fixture;
    CpuPlacement placement;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        // Parse everything before creating anything, so bad input leaves nothing behind.
        JournalMode journalMode = Params.parseEnum("journal", journal, JournalMode.class);
        DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        RetryPolicy retryPolicy = Params.parseEnum("retry", retry, RetryPolicy.class);
        SchemaChange schemaChange = Params.parseEnum("change", change, SchemaChange.class);
        placement = Params.parseEnum("cpus", cpus, CpuPlacement.class);
        placement.check();
        fixture = Fixture.create(journalMode, ddlStrategy, retryPolicy, schemaChange,
                Params.parseNonNegativeInt("busyTimeout", busyTimeout), Params.parseNonNegativeInt("rows", rows),
                Params.parseNonNegativeInt("extraTables", extraTables));
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws Exception {
        fixture.auditAndRemove();
    }
}
