package io.github.schemachurn.workload.diagnosis;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlRunner;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.NativeConnection;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.sqlite.SqlExecutor;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.Audit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Applies the user's migration on a connection of its own (sqlite-jdbc's, or the system
 * library's for a legacy-prepare trial): each step is the migration (or, after
 * it, its rollback) in one {@code BEGIN IMMEDIATE} transaction, as migration tools run a file,
 * counted as one attempt; no application retry, SQLite's busy timeout waits. Without a rollback,
 * only the first step does anything. It times how long each committed step held the write lock
 * (from BEGIN IMMEDIATE's return to COMMIT's), and remembers the schema before and after the migration, so
 * the trial's audit can check the file against the steps acknowledged.
 */
public final class Migrator implements AutoCloseable {
    private final SqlExecutor sql;
    private final AutoCloseable connection;
    private final Case diagnosis;
    private final DdlRunner ddl = DdlStrategy.IMMEDIATE.create(new ReentrantReadWriteLock());
    private final Retrier retrier = RetryPolicy.NONE.create();
    private final Schema before;
    private final Schema migrated;
    private boolean applied;
    private long acknowledged;
    private volatile long lastStartNanos;
    private volatile long lastCommitNanos;
    private long lockedNanos;
    private final List<Long> lockHoldsNanos = new ArrayList<>();

    private Migrator(SqlExecutor sql, AutoCloseable connection, Case diagnosis, Schema[] schemas) {
        this.sql = sql;
        this.connection = connection;
        this.diagnosis = diagnosis;
        this.before = schemas[0];
        this.migrated = schemas[1];
    }

    /**
     * The migrator on its own connection to {@code database}: sqlite-jdbc's, or with
     * {@code systemLibrary} the system SQLite library's ({@link NativeConnection}), for a trial in
     * which every connection to the file must be on that library.
     */
    public static Migrator open(Database database, Case diagnosis, boolean systemLibrary) throws SQLException {
        Schema[] schemas;
        try (Connection c = database.connect(Database.PATIENT_BUSY_TIMEOUT_MS)) {
            schemas = schemas(c, diagnosis);
        }
        if (systemLibrary) {
            NativeConnection connection = NativeConnection.open(database.file(), database.busyTimeoutMs());
            return new Migrator(connection, connection, diagnosis, schemas);
        }
        Connection connection = database.connect();
        Statement statement = connection.createStatement();
        return new Migrator(statement::execute, () -> {
            try (connection; statement) {
                // closes both
            }
        }, diagnosis, schemas);
    }

    /** The schema before and after the migration, read inside a transaction that applies it and rolls it back. */
    private static Schema[] schemas(Connection c, Case diagnosis) throws SQLException {
        try (Statement s = c.createStatement()) {
            Schema before = Schema.of(c);
            s.execute("BEGIN IMMEDIATE");
            try {
                for (String statement : diagnosis.up()) {
                    s.execute(statement);
                }
                return new Schema[] {before, Schema.of(c)};
            } finally {
                s.execute("ROLLBACK");
            }
        }
    }

    /** One migration step, counted in {@code tally}; false if it failed or there is nothing left to apply. */
    public boolean step(Tally tally) {
        if (applied && !diagnosis.alternates()) {
            return false; // applied once, nothing to undo it with
        }
        List<String> statements = applied ? diagnosis.down() : diagnosis.up();
        long start = System.nanoTime();
        boolean committed = Operation.run(() -> ddl.run(this::execute, statements), Operation.FailureListener.NONE,
                retrier, tally);
        if (committed) {
            lastStartNanos = start;
            lastCommitNanos = System.nanoTime();
            synchronized (lockHoldsNanos) {
                lockHoldsNanos.add(lastCommitNanos - lockedNanos);
            }
            applied = !applied;
            acknowledged++;
        }
        return committed;
    }

    private void execute(String sql) throws SQLException {
        this.sql.execute(sql);
        if (sql.startsWith("BEGIN")) {
            lockedNanos = System.nanoTime(); // BEGIN IMMEDIATE returns once it holds the write lock
        }
    }

    /** How long each step committed since the last take held the write lock, in nanoseconds. */
    public List<Long> takeLockHoldsNanos() {
        synchronized (lockHoldsNanos) {
            List<Long> taken = List.copyOf(lockHoldsNanos);
            lockHoldsNanos.clear();
            return taken;
        }
    }

    /** When the last acknowledged step started and committed (System.nanoTime), 0 before any. */
    public long lastStartNanos() {
        return lastStartNanos;
    }

    public long lastCommitNanos() {
        return lastCommitNanos;
    }

    /** What is wrong with the file after the steps acknowledged: integrity_check, and the schema they left; empty if nothing. */
    public List<String> auditProblems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        String integrity = Audit.integrityCheck(c);
        if (!integrity.equals("ok")) {
            problems.add("integrity_check says '" + integrity + "'");
        }
        Schema expected = applied ? migrated : before;
        Schema.of(c).differenceFrom(expected).ifPresent(d -> problems.add("after " + acknowledged
                + " acknowledged migration steps the schema is not what they left: " + d));
        return problems;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the migrator's connection: " + e.getMessage(), e);
        }
    }
}
