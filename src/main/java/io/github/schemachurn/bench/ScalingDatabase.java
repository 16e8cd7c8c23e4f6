package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.workload.Audit;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.PacedLoop;
import io.github.schemachurn.workload.SchemaChangeProbe;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The database of the scaling studies: like {@link ChurnedDatabase}, with its own small defaults
 * (one configuration; the sweeps are in {@code results/run-scaling.sh}) and fixed choices for
 * what the studies do not vary: 10000 rows, busy_timeout 0, no application retry, the churner
 * on the side table. It also probes {@code PRAGMA schema_version} at the start of every
 * iteration, so {@link RegimeCounters} can report how many schema changes really happened.
 */
@State(Scope.Group)
public class ScalingDatabase {
    static final int ROWS = 10_000;
    static final int BUSY_TIMEOUT_MS = 0;

    @Param({"WAL"})
    public String journal;

    /** How the churner wraps its DDL: {@link DdlStrategy}. */
    @Param({"EXCLUSIVE"})
    public String ddl;

    /** Extra tables, each with an index: the schema every re-prepare reloads. */
    @Param({"500"})
    public String extraTables;

    Database database;
    DdlStrategy ddlStrategy;
    final ReadWriteLock appLock = new ReentrantReadWriteLock();
    SchemaChangeProbe schemaChanges;
    /** The churner of this trial, for the audit; set by whichever state runs it. */
    volatile Churner churner;
    /** A background churner to stop before the audit, if the benchmark runs one. */
    volatile PacedLoop background;
    private Connection probeConnection;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        JournalMode journalMode = Params.parseEnum("journal", journal, JournalMode.class);
        ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        int extra = Params.parseNonNegativeInt("extraTables", extraTables);
        database = Workload.createDatabase(journalMode, BUSY_TIMEOUT_MS, ROWS, extra);
        try {
            probeConnection = database.connect(Database.PATIENT_BUSY_TIMEOUT_MS);
            schemaChanges = new SchemaChangeProbe(probeConnection);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Setup(Level.Iteration)
    public void beginIteration() throws SQLException {
        schemaChanges.begin();
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws SQLException, InterruptedException {
        try {
            PacedLoop loop = background;
            if (loop != null) {
                loop.stop();
            }
            probeConnection.close();
            try (Connection c = database.connect(Database.PATIENT_BUSY_TIMEOUT_MS)) {
                Audit.verify(c, 0, churner);
            }
        } finally {
            database.close();
        }
    }
}
