package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.LongSupplier;

/**
 * Runs the cached statement inside a read transaction that it keeps open across many reads (a
 * lease on one snapshot) and renews before a read once it has served {@value #MAX_READS} reads or is 50 ms old,
 * whichever comes first, so no read sees a snapshot older than that. Meant for WAL mode, where a reader's snapshot never blocks the churner.
 *
 * <p>Why it helps: with autocommit, every execution opens a new snapshot, so each schema change
 * committed meanwhile invalidates the statement, and every automatic re-prepare reloads the whole
 * schema; when reloads are slower than the churn, 50 invalidations in a row end in SQLITE_SCHEMA.
 * Inside an open read transaction, the re-prepare reloads the schema from the pinned snapshot,
 * which cannot change under it, so one reload always succeeds; and within a lease no later
 * change is seen, so the reader reloads the schema at most once per lease instead of once per
 * schema change.
 *
 * <p>The price: the reader sees data up to one lease old (50 ms), and in a rollback-journal
 * mode its SHARED lock would shut the churner out for the whole lease; use it in WAL mode only.
 */
final class SnapshotLeaseReader implements Reader {
    static final int MAX_READS = 10_000;
    /** Long against a schema reload (about 10 ms with 2000 extra tables on the development machine), short for a web page. */
    static final long MAX_AGE_NANOS = 50_000_000;

    private final CachedStatement statement;
    private final Binder binder;
    private final Statement control;
    private final int maxReads;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private boolean leased;
    private int readsInLease;
    private long leaseStartNanos;

    SnapshotLeaseReader(Connection connection, String sql, Binder binder, ReadWriteLock appLock) {
        this(connection, sql, binder, MAX_READS, MAX_AGE_NANOS, System::nanoTime);
    }

    SnapshotLeaseReader(Connection connection, String sql, int maxReads, long maxAgeNanos, LongSupplier clock) {
        this(connection, sql, Binder.BY_ID, maxReads, maxAgeNanos, clock);
    }

    private SnapshotLeaseReader(Connection connection, String sql, Binder binder, int maxReads, long maxAgeNanos, LongSupplier clock) {
        this.statement = new CachedStatement(connection, sql);
        this.binder = binder;
        this.maxReads = maxReads;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
        try {
            this.control = connection.createStatement();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a statement: " + e.getMessage(), e);
        }
    }

    @Override
    public String read(int id) throws SQLException {
        // The bound holds before every read, idle gaps included: an expired lease ends first.
        if (leased && (readsInLease >= maxReads || clock.getAsLong() - leaseStartNanos >= maxAgeNanos)) {
            leased = false;
            control.execute("COMMIT");
        }
        if (!leased) {
            // BEGIN (deferred) takes no snapshot yet: the query's first step does, and keeps it.
            control.execute("BEGIN");
            leased = true;
            readsInLease = 0;
            leaseStartNanos = clock.getAsLong();
        }
        String result = CachedStatement.query(statement.get(), binder, id);
        readsInLease++;
        return result;
    }

    /** After any failure: drop a finalized statement and end the lease, so the next try starts clean. */
    @Override
    public void failed(ErrorClass error) {
        statement.failed(error);
        leased = false;
        // Also after a failed COMMIT; "no transaction is active" is expected and ignored.
        Transactions.rollbackAfter(control::execute, new SQLException("lease ended after " + error));
    }

    @Override
    public void close() throws SQLException {
        try {
            if (leased) {
                leased = false;
                control.execute("COMMIT");
            }
        } finally {
            statement.close();
            control.close();
        }
    }
}
