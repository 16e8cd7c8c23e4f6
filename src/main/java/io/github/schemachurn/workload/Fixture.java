package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.NativeConnection;
import io.github.schemachurn.sqlite.NativeReader;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Everything one trial's roles share: a fresh seeded database file in a private temp directory,
 * the locking strategy, retry policy and schema change they use, the application lock, and the
 * sessions that must be audited at the end. {@link #auditAndRemove()} checks the file exactly
 * (integrity_check, every acknowledged insert by id and nothing else, the schema as the
 * acknowledged changes left it) and removes it. Plain Java: JMH states and tests both drive it.
 */
public final class Fixture implements AutoCloseable {
    public final Database database;
    public final DdlStrategy ddl;
    public final RetryPolicy retry;
    public final SchemaChange change;
    public final int rows;
    /** Shared by a churner with {@link DdlStrategy#APP_LOCK} and readers that take its read side. */
    public final ReadWriteLock appLock = new ReentrantReadWriteLock();
    private final List<WriterSession> writers = new CopyOnWriteArrayList<>();
    /** The schema checks: one per churner, and any a benchmark adds. */
    private final List<Audit.Check> checks = new CopyOnWriteArrayList<>();
    /** Background roles, sessions and connections, closed in this order before the audit. */
    private final List<AutoCloseable> beforeAudit = new CopyOnWriteArrayList<>();
    /** The write-ahead log's watch; null unless the database is in WAL mode. */
    private final WalWatch walWatch;

    private Fixture(Database database, DdlStrategy ddl, RetryPolicy retry, SchemaChange change, int rows) throws SQLException {
        this.database = database;
        this.walWatch = database.journal() == JournalMode.WAL ? new WalWatch(database.file(), autocheckpointPages(database)) : null;
        this.ddl = ddl;
        this.retry = retry;
        this.change = change;
        this.rows = rows;
    }

    /**
     * Checks the combination first (a schema change some strategy cannot run is refused with one
     * line), then creates and seeds the file.
     */
    public static Fixture create(JournalMode journal, DdlStrategy ddl, RetryPolicy retry, SchemaChange change,
            int busyTimeoutMs, int rows, int extraTables) throws SQLException {
        change.check(ddl);
        Database database = Workload.createDatabase(journal, busyTimeoutMs, rows, extraTables);
        try {
            return new Fixture(database, ddl, retry, change, rows);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The WAL size in pages after which a commit checkpoints: what every new connection gets (1000 unless built otherwise). */
    private static long autocheckpointPages(Database database) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_autocheckpoint")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** The watch of the database's write-ahead log ({@link WalWatch}), or null if the database is not in WAL mode. */
    public WalWatch walWatch() {
        return walWatch;
    }

    /** A reader with its own connection, closed before the audit. */
    public ReaderSession reader(ReaderStrategy strategy, String sql) throws SQLException {
        strategy.check(database.journal());
        ReaderSession reader = session((connection, retrier) ->
                new ReaderSession(connection, strategy.open(connection, sql, appLock), retrier, rows));
        beforeAudit.add(reader);
        return reader;
    }

    /**
     * A reader of the point query on its own connection of the system SQLite library, prepared
     * with {@code mode} (no retry: a busy handler cannot be set there), closed before the audit.
     */
    public ReaderSession nativeReader(PrepareMode mode) throws SQLException {
        NativeConnection connection = NativeConnection.open(database.file(), database.busyTimeoutMs());
        ReaderSession reader = new ReaderSession(connection, new NativeReader(connection, Workload.POINT_QUERY, mode),
                RetryPolicy.NONE.create(), rows);
        beforeAudit.add(reader);
        return reader;
    }

    /** A churner with its own connection, audited at the end. */
    public Churner churner() throws SQLException {
        Churner churner = session((connection, retrier) -> Churner.owning(connection, change, ddl.create(appLock), retrier));
        checks.add(c -> Audit.schemaProblem(c, churner));
        beforeAudit.add(churner);
        return churner;
    }

    /** A writer with its own connection and id range, audited at the end. */
    public WriterSession writer() throws SQLException {
        WriterSession writer = session((connection, retrier) -> new WriterSession(connection, retrier, writers.size()));
        writers.add(writer);
        beforeAudit.add(writer);
        return writer;
    }

    /**
     * A writer on a background thread of its own (started by the caller), pausing after each
     * insert; stopped before the audit, which checks its inserts by id.
     */
    public WriterLoop writerLoop(long pauseMicros) throws SQLException {
        WriterSession session = session((connection, retrier) -> new WriterSession(connection, retrier, writers.size()));
        writers.add(session);
        WriterLoop loop = new WriterLoop(session, pauseMicros);
        closeBeforeAudit(loop);
        return loop;
    }

    /** Opens a role's own connection with a fresh retrier of the fixture's policy on it; closes it again if the role cannot start. */
    private <T> T session(SessionFactory<T> factory) throws SQLException {
        Connection connection = database.connect();
        try {
            Retrier retrier = retry.create();
            retrier.configure(connection, database.busyTimeoutMs());
            return factory.open(connection, retrier);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface SessionFactory<T> {
        T open(Connection connection, Retrier retrier) throws SQLException;
    }

    /**
     * A churner on its own connection of the system SQLite library (no retry: a busy handler
     * cannot be set there), audited at the end; the connection is closed before the audit.
     */
    public Churner nativeChurner() throws SQLException {
        NativeConnection connection = NativeConnection.open(database.file(), database.busyTimeoutMs());
        Churner churner = new Churner(connection, change, ddl.create(appLock), RetryPolicy.NONE.create());
        checks.add(c -> Audit.schemaProblem(c, churner));
        closeBeforeAudit(connection);
        return churner;
    }

    /** Adds a check to the audit, e.g. the schema of a churner that runs in another process. */
    public void audit(Audit.Check check) {
        checks.add(check);
    }

    /** Registers something to close before the audit: a background role first, then what it uses. */
    public void closeBeforeAudit(AutoCloseable closeable) {
        beforeAudit.add(0, closeable);
    }

    /**
     * @throws IllegalStateException naming every mismatch, with the numbers
     */
    public void audit() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = database.connect(Database.PATIENT_BUSY_TIMEOUT_MS)) {
            problems.add(Audit.integrityProblem(c));
            long acknowledged = 0;
            for (WriterSession writer : writers) {
                acknowledged += writer.acknowledged();
                long missing = Audit.missingWrites(c, writer.firstId(), writer.acknowledged());
                if (missing > 0) {
                    problems.add(missing + " of " + writer.acknowledged() + " acknowledged inserts missing from ids "
                            + writer.firstId() + "..");
                }
            }
            problems.add(Audit.rowsProblem(c, acknowledged));
            for (Audit.Check check : checks) {
                problems.add(check.problem(c));
            }
        }
        Audit.failIfAny("audit failed", problems.toArray(String[]::new));
    }

    /** Closes every session, audits the file, and removes it whatever the audit says. */
    public void auditAndRemove() throws Exception {
        try {
            for (AutoCloseable closeable : beforeAudit) {
                closeable.close();
            }
            audit();
        } finally {
            close();
        }
    }

    /** Stops the WAL watch (after every connection is closed: {@link WalWatch#close}) and removes the database. */
    @Override
    public void close() {
        try {
            if (walWatch != null) {
                walWatch.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            database.close();
        }
    }
}
