package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.util.concurrent.locks.ReadWriteLock;

/** How a reader thread prepares and runs its point query. */
public enum ReaderStrategy {
    /** One PreparedStatement per thread, reused (re-prepared only after the driver finalized it). */
    CACHED((connection, sql, binder, appLock) -> CachedReader.autocommit(connection, sql, binder)),
    /** Prepare, execute and close on every call, as the seed's PHP pages did. */
    PER_CALL(PreparePerCallReader::new),
    /** The cached statement inside an explicit BEGIN … COMMIT read transaction. */
    READ_TRANSACTION((connection, sql, binder, appLock) -> CachedReader.inTransaction(connection, sql, binder)),
    /** The cached statement under the read side of the application lock that {@link DdlStrategy#APP_LOCK} writes. */
    APP_READ_LOCK((connection, sql, binder, appLock) -> CachedReader.underLock(connection, sql, binder, appLock.readLock())),
    /** The cached statement in a read transaction held across many reads (WAL only): at most one schema reload per lease. */
    SNAPSHOT_LEASE(SnapshotLeaseReader::new),
    /**
     * The cached statement in a read transaction, each result's column names checked against the
     * same SQL prepared afresh in that transaction: a mismatch counts as
     * {@link ErrorClass#STALE_COLUMNS}. Run it with a {@code SELECT *} query to watch for stale
     * metadata, with listed columns as the control.
     */
    COLUMN_CHECKED((connection, sql, binder, appLock) -> CachedReader.columnChecked(connection, sql, binder));

    private final Factory factory;

    ReaderStrategy(Factory factory) {
        this.factory = factory;
    }

    /**
     * @param sql     the point query, with one integer parameter
     * @param appLock the application lock shared with the churner of the same database
     */
    public Reader open(Connection connection, String sql, ReadWriteLock appLock) {
        return open(connection, sql, Binder.BY_ID, appLock);
    }

    /** A reader of any query: {@code binder} sets its parameters before each execution. */
    public Reader open(Connection connection, String sql, Binder binder, ReadWriteLock appLock) {
        return factory.open(connection, sql, binder, appLock);
    }

    /** How old the data a read returns may be, in ms: 0 for every strategy but the lease's. */
    public double stalenessMillis() {
        return this == SNAPSHOT_LEASE ? SnapshotLeaseReader.MAX_AGE_NANOS / 1e6 : 0;
    }

    /**
     * Refuses a journal mode the strategy must not run in, with one line: a lease's SHARED lock
     * in a rollback-journal mode would shut every writer out for the whole lease.
     */
    public void check(JournalMode journal) {
        if (this == SNAPSHOT_LEASE && journal != JournalMode.WAL) {
            throw new IllegalArgumentException("reader=SNAPSHOT_LEASE needs journal=WAL: in " + journal
                    + " mode its held read lock would block every writer for up to 50 ms");
        }
    }

    @FunctionalInterface
    private interface Factory {
        Reader open(Connection connection, String sql, Binder binder, ReadWriteLock appLock);
    }
}
