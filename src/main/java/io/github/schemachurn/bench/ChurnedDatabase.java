package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.workload.CpuPlacement;
import io.github.schemachurn.workload.Fixture;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/**
 * The database one benchmark group shares ({@link Fixture}): a fresh seeded file per trial, with
 * the group's locking strategy, extra tables and CPU placement, and the params every churned
 * database shares ({@link ChurnParams}); audited exactly and removed at the end of the trial.
 * Every benchmark whose roles are JMH threads (readers, writers, a churner) uses this one state.
 */
@State(Scope.Group)
public class ChurnedDatabase extends ChurnParams {
    /** How the churner wraps its DDL: {@link DdlStrategy}. */
    @Param({"AUTOCOMMIT", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"})
    public String ddl;

    /** Extra tables, each with an index, that make every schema reload slower. */
    @Param({"0"})
    public String extraTables;

    /**
     * Where the roles' threads run: {@link CpuPlacement}. On two cores a reader and a churner
     * either share one core or get one each, and the results differ by several times: pinning
     * makes that a measured row instead of a coin toss per fork.
     */
    @Param({"SPLIT", "SHARED"})
    public String cpus;

    Fixture fixture;
    CpuPlacement placement;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        // Parse and check everything before creating anything, so bad input leaves nothing behind.
        DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        int extra = Params.parseNonNegativeInt("extraTables", extraTables);
        placement = Params.parseEnum("cpus", cpus, CpuPlacement.class);
        placement.check();
        fixture = fixture(ddlStrategy, retryPolicy(), schemaChange(), extra);
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws Exception {
        fixture.auditAndRemove();
    }
}
