package io.github.schemachurn.workload.diagnosis;

import io.github.schemachurn.sqlite.DdlRunner;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.Audit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Applies the user's migration on a connection of its own: each step is the migration (or, after
 * it, its rollback) in one {@code BEGIN IMMEDIATE} transaction, as migration tools run a file,
 * counted as one attempt; no application retry, SQLite's busy timeout waits. Without a rollback,
 * only the first step does anything. It times how long each committed step held the write lock
 * (from BEGIN IMMEDIATE's return to COMMIT's), and remembers the schema before and after the migration, so
 * the trial's audit can check the file against the steps acknowledged.
 */
public final class Migrator implements AutoCloseable {
    private final Connection connection;
    private final Statement statement;
    private final Case diagnosis;
    private final DdlRunner ddl = DdlStrategy.IMMEDIATE.create(new ReentrantReadWriteLock());
    private final Retrier retrier = RetryPolicy.NONE.create();
    private final Schema before;
    private Schema migrated;
    private boolean applied;
    private long acknowledged;
    private volatile long lastStartNanos;
    private volatile long lastCommitNanos;
    private long lockedNanos;
    private final List<Long> lockHoldsNanos = new ArrayList<>();

    public Migrator(Connection connection, Case diagnosis) throws SQLException {
        this.connection = connection;
        this.statement = connection.createStatement();
        this.diagnosis = diagnosis;
        this.before = Schema.of(connection);
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
            if (applied && migrated == null) {
                migrated = schema();
            }
        }
        return committed;
    }

    private void execute(String sql) throws SQLException {
        statement.execute(sql);
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

    private Schema schema() {
        try {
            return Schema.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema after the migration: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            statement.close();
        } finally {
            connection.close();
        }
    }
}
