package io.github.schemachurn.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * A fresh database file in a private temporary directory, and the way every connection to it
 * is opened. {@link #close()} removes the directory; a shutdown hook removes it too if the JVM
 * exits (or is interrupted) before that.
 */
public final class Database implements AutoCloseable {
    /** System property naming the directory under which private directories (databases, churner processes) are made. */
    public static final String TMPDIR_PROPERTY = "schemachurn.tmpdir";
    static final String DIRECTORY_PREFIX = "schemachurn-";
    /** Busy timeout for connections that must wait out the benchmark's threads rather than fail: setup, probes, audits. */
    public static final int PATIENT_BUSY_TIMEOUT_MS = 30_000;

    private final Path directory;
    private final Path file;
    private final JournalMode journal;
    private final SQLiteConfig.SynchronousMode synchronous;
    private final int busyTimeoutMs;
    private final Thread cleanupHook;

    private Database(Path directory, JournalMode journal, SQLiteConfig.SynchronousMode synchronous, int busyTimeoutMs) {
        this.directory = directory;
        this.file = directory.resolve("bench.db");
        this.journal = journal;
        this.synchronous = synchronous;
        this.busyTimeoutMs = busyTimeoutMs;
        this.cleanupHook = new Thread(() -> PrivateDirectory.delete(directory), "schemachurn-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);
    }

    /**
     * Creates the directory and the database file in the given journal mode. Every connection
     * gets {@code busyTimeoutMs} as SQLite's busy_timeout: the driver's default is 3000 ms, not 0,
     * so it is always set explicitly.
     */
    public static Database create(JournalMode journal, SQLiteConfig.SynchronousMode synchronous, int busyTimeoutMs) {
        Database db = new Database(PrivateDirectory.create(DIRECTORY_PREFIX, "database"), journal, synchronous, busyTimeoutMs);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // WAL is persistent in the file; DELETE is the default. Set once, before anyone else connects.
            s.execute("PRAGMA journal_mode=" + journal.name());
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new IllegalStateException("cannot create database " + db.file + ": " + e.getMessage(), e);
        }
        return db;
    }

    public static Database create(JournalMode journal, int busyTimeoutMs) {
        return create(journal, SQLiteConfig.SynchronousMode.NORMAL, busyTimeoutMs);
    }

    /**
     * A copy of an existing database file that belongs to someone else, in a private directory,
     * set to the given journal mode. The source is opened read-only and copied by
     * {@code VACUUM INTO}, which reads it in one transaction: a consistent copy even while another
     * process writes it, and the source is never written.
     *
     * @throws IllegalArgumentException with one line if the source cannot be read as an SQLite database
     */
    public static Database copyOf(Path source, JournalMode journal, int busyTimeoutMs) {
        return copyOf(source, PATIENT_BUSY_TIMEOUT_MS, journal, busyTimeoutMs);
    }

    /**
     * As {@link #copyOf(Path, JournalMode, int)}, waiting at most {@code sourceBusyTimeoutMs} for a
     * lock another process holds on the source; the exception's cause is then SQLite's SQLITE_BUSY.
     */
    public static Database copyOf(Path source, int sourceBusyTimeoutMs, JournalMode journal, int busyTimeoutMs) {
        Database db = new Database(PrivateDirectory.create(DIRECTORY_PREFIX, "database"), journal,
                SQLiteConfig.SynchronousMode.NORMAL, busyTimeoutMs);
        try {
            try (Connection original = openReadOnly(source, sourceBusyTimeoutMs);
                 java.sql.PreparedStatement copy = original.prepareStatement("VACUUM INTO ?")) {
                copy.setString(1, db.file.toString());
                copy.execute();
            } catch (SQLException e) {
                throw new IllegalArgumentException("cannot read " + source + " as an SQLite database: " + e.getMessage(), e);
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=" + journal.name());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot set up the copy " + db.file + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** A read-only connection to someone else's database file: SQLite is asked never to write it. */
    public static Connection openReadOnly(Path file) throws SQLException {
        return openReadOnly(file, PATIENT_BUSY_TIMEOUT_MS);
    }

    /** As {@link #openReadOnly(Path)}, waiting at most {@code busyTimeoutMs} for a lock another process holds on it. */
    public static Connection openReadOnly(Path file, int busyTimeoutMs) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(busyTimeoutMs);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /**
     * A new connection with this database's pragmas and busy timeout. It is opened with a long
     * busy timeout, because opening can meet a lock that is no part of the measurement (in WAL,
     * the last connection to close checkpoints under an exclusive lock and the next to open may
     * have to recover the WAL index); the measured busy timeout is set once it is open.
     */
    public Connection connect() throws SQLException {
        return connect(busyTimeoutMs);
    }

    /** A new connection with its own busy timeout, e.g. for audits that must wait out the benchmark threads. */
    public Connection connect(int busyTimeoutMs) throws SQLException {
        return connect(file, synchronous, busyTimeoutMs);
    }

    /**
     * A connection to an existing database file, opened as {@link #connect()} opens one: for a
     * churner in another process, which only has the file's path.
     */
    public static Connection connect(Path file, SQLiteConfig.SynchronousMode synchronous, int busyTimeoutMs)
            throws SQLException {
        return open(file, synchronous, PATIENT_BUSY_TIMEOUT_MS, busyTimeoutMs);
    }

    private static Connection open(Path file, SQLiteConfig.SynchronousMode synchronous, int openTimeoutMs, int busyTimeoutMs)
            throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(openTimeoutMs);
        config.setSynchronous(synchronous);
        SQLiteConnection connection = (SQLiteConnection) DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        connection.setBusyTimeout(busyTimeoutMs);
        return connection;
    }

    public Path file() {
        return file;
    }

    public Path directory() {
        return directory;
    }

    public JournalMode journal() {
        return journal;
    }

    public SQLiteConfig.SynchronousMode synchronous() {
        return synchronous;
    }

    public int busyTimeoutMs() {
        return busyTimeoutMs;
    }

    /** Removes the directory with the database, its journal or WAL, and anything else in it. */
    @Override
    public void close() {
        PrivateDirectory.delete(directory);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing left to unregister.
        }
    }
}
