package io.github.schemachurn.workload.diagnosis;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.NativeConnection;
import io.github.schemachurn.sqlite.NativeReader;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.PacedLoop;
import io.github.schemachurn.workload.ReaderSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One trial's copy of the user's database with the migration running on it: a private copy in the
 * journal mode under test, the {@link Migrator} on a background {@link PacedLoop}, and the
 * readers and, if the case has a write statement, a {@link Writer} on a paced loop of its own
 * ({@link #WRITES_PER_SECOND}), which it closes before its audit (integrity_check, and the schema the acknowledged
 * steps left) and removal. Either up and down alternate at {@code ddlPerSecond} (0: back to back)
 * on one copy for the whole trial, or (once) every iteration gets a fresh copy and the migration is
 * applied once, a third of the way into the iteration. Plain Java: the
 * benchmark's states and the tests drive it.
 */
public final class MigratedCopy implements AutoCloseable {
    /** The writer's pace: a busy site's writes, well below what one connection can do, so its stalls are waits, not its own load. */
    public static final int WRITES_PER_SECOND = 100;
    /**
     * The reader that is no {@link ReaderStrategy}: the user's query prepared once with the legacy
     * {@code sqlite3_prepare} on the system SQLite library (PHP's PDO SQLite before 7.2), reused.
     * Its trial puts every connection to the copy on that library (two copies of SQLite must never
     * have one file open at once), so it runs without a writer.
     */
    public static final String LEGACY_PREPARE = "LEGACY_PREPARE";

    private final Case diagnosis;
    private final JournalMode journal;
    private final int busyTimeoutMs;
    private final double ddlPerSecond;
    private final boolean once;
    private final boolean systemLibrary;
    private final List<ReaderSession> readers = new ArrayList<>();
    private Database database;
    private Migrator migrator;
    private PacedLoop loop;
    private Writer writer;
    private PacedLoop writes;

    /**
     * @param once         apply the migration once per fresh copy in each iteration, instead of alternating it with its rollback
     * @param ddlPerSecond migration steps per second when alternating; 0 back to back
     */
    public MigratedCopy(Case diagnosis, JournalMode journal, int busyTimeoutMs, boolean once, double ddlPerSecond) {
        this(diagnosis, journal, busyTimeoutMs, once, ddlPerSecond, false);
    }

    /** @param systemLibrary every connection on the system SQLite library, for the {@link #LEGACY_PREPARE} reader */
    public MigratedCopy(Case diagnosis, JournalMode journal, int busyTimeoutMs, boolean once, double ddlPerSecond,
            boolean systemLibrary) {
        if (!once && !diagnosis.alternates()) {
            throw new IllegalArgumentException("alternating the migration needs a rollback; without one it is applied ONCE");
        }
        this.diagnosis = diagnosis;
        this.journal = journal;
        this.busyTimeoutMs = busyTimeoutMs;
        this.once = once;
        this.ddlPerSecond = ddlPerSecond;
        this.systemLibrary = systemLibrary;
    }

    /**
     * Starts the migration for the next iteration of {@code iterationNanos}: on a fresh copy unless
     * up and down alternate on the trial's one copy.
     */
    public void startIteration(long iterationNanos) throws SQLException {
        closeReaders();
        if (database == null || once) {
            removeCopy();
            database = Database.copyOf(java.nio.file.Path.of(diagnosis.source()), journal, busyTimeoutMs);
            migrator = Migrator.open(database, diagnosis, systemLibrary);
            writer = diagnosis.writes() && !systemLibrary ? new Writer(database.connect(), diagnosis) : null;
        }
        if (writer != null) {
            Writer w = writer;
            writes = new PacedLoop(WRITES_PER_SECOND, w::write);
            writes.start("writer");
        }
        Migrator steps = migrator;
        if (!once) {
            loop = new PacedLoop(ddlPerSecond, steps::step);
        } else {
            // Slots are due at 0, 1/3, 2/3 of the iteration: the migration runs in the second.
            int[] slot = {0};
            loop = new PacedLoop(3e9 / iterationNanos, tally -> {
                if (slot[0]++ == 1) {
                    steps.step(tally);
                }
            });
        }
        loop.start("migrator");
    }

    /** Stops the migration (after its current step) and the writer. */
    public void endIteration() {
        if (loop != null) {
            loop.stop();
        }
        if (writes != null) {
            writes.stop();
        }
    }

    /** A reader of the user's query on its own connection, with no application retry; closed before the audit. */
    public ReaderSession reader(ReaderStrategy strategy) throws SQLException {
        if (systemLibrary) {
            throw new IllegalStateException("a copy on the system library has only the " + LEGACY_PREPARE + " reader");
        }
        strategy.check(journal);
        Connection connection = database.connect();
        try {
            Retrier retrier = RetryPolicy.NONE.create();
            retrier.configure(connection, busyTimeoutMs);
            ReaderSession reader = new ReaderSession(connection,
                    strategy.open(connection, diagnosis.query(), diagnosis.binder(), new ReentrantReadWriteLock()), retrier, 1);
            readers.add(reader);
            return reader;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The {@link #LEGACY_PREPARE} reader, on a connection of the system library; closed before the audit. */
    public ReaderSession legacyReader() throws SQLException {
        if (!systemLibrary) {
            throw new IllegalStateException("the " + LEGACY_PREPARE + " reader needs a copy on the system library");
        }
        NativeConnection connection = NativeConnection.open(database.file(), busyTimeoutMs);
        ReaderSession reader = new ReaderSession(connection,
                new NativeReader(connection, diagnosis.query(), PrepareMode.LEGACY, diagnosis.values()), RetryPolicy.NONE.create(), 1);
        readers.add(reader);
        return reader;
    }

    public PacedLoop loop() {
        return loop;
    }

    public Migrator migrator() {
        return migrator;
    }

    /** The writer's loop this iteration; null when the case has no write statement. */
    public PacedLoop writes() {
        return writes;
    }

    /** The writer; null when the case has no write statement. */
    public Writer writer() {
        return writer;
    }

    /** Closes the readers and the migrator, audits the copy and removes it. */
    @Override
    public void close() throws Exception {
        endIteration();
        removeCopy();
    }

    private void removeCopy() throws SQLException {
        if (database == null) {
            return;
        }
        try {
            closeReaders();
            if (writer != null) {
                writer.close();
                writer = null;
            }
            migrator.close();
            List<String> problems;
            try (Connection c = database.connect(Database.PATIENT_BUSY_TIMEOUT_MS)) {
                problems = migrator.auditProblems(c);
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("audit failed: " + String.join("; ", problems));
            }
        } finally {
            database.close();
            database = null;
        }
    }

    private void closeReaders() throws SQLException {
        try {
            for (ReaderSession reader : readers) {
                reader.close();
            }
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close a reader: " + e.getMessage(), e);
        } finally {
            readers.clear();
        }
    }
}
