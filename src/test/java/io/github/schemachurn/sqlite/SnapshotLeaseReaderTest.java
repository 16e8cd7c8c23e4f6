package io.github.schemachurn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.ProgressHandler;

/**
 * The SNAPSHOT_LEASE mechanism, deterministically. The reproducer from the facts file: a
 * progress handler (every VM instruction) on the reader's connection commits a schema change
 * through a second connection, also while the reader reloads the schema in each automatic
 * re-prepare, so a statement in autocommit is invalidated on every retry and, after 50, fails
 * with SQLITE_SCHEMA. In a leased read transaction the reload reads the pinned snapshot, which
 * those commits do not change.
 */
class SnapshotLeaseReaderTest {
    private Database db;
    private Connection readerConnection;
    private Connection changer;
    private Statement ddl;
    private boolean churnTableExists;
    private long commitsDuringRead;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = Workload.createDatabase(JournalMode.WAL, 0, 100, 5);
        readerConnection = db.connect();
        changer = db.connect();
        ddl = changer.createStatement();
    }

    @AfterEach
    void remove() throws SQLException {
        try {
            ProgressHandler.clearHandler(readerConnection);
            ddl.close();
            changer.close();
            readerConnection.close();
        } finally {
            db.close();
        }
    }

    /** From now on, every VM instruction on the reader's connection commits one schema change elsewhere. */
    private void churnOnEveryInstruction() throws SQLException {
        ProgressHandler.setHandler(readerConnection, 1, new ProgressHandler() {
            @Override
            protected int progress() {
                try {
                    ddl.execute(churnTableExists ? "DROP TABLE churned" : "CREATE TABLE churned(x)");
                    churnTableExists = !churnTableExists;
                    commitsDuringRead++;
                } catch (SQLException e) {
                    throw new IllegalStateException("the changer could not commit: " + e.getMessage(), e);
                }
                return 0; // go on
            }
        });
    }

    /** Five reads under the reproducer, each one attempt with no retry. */
    private Counts readUnderTheReproducer(Reader reader) throws SQLException {
        Counts counts = new Counts();
        try (reader) {
            assertThat(reader.read(1)).isEqualTo("payload-1"); // prepared and run once before the churn
            churnOnEveryInstruction();
            for (int id = 2; id <= 6; id++) {
                int key = id;
                Operation.run(() -> assertThat(reader.read(key)).isEqualTo("payload-" + key), reader,
                        RetryPolicy.NONE.create(), counts);
            }
            ProgressHandler.clearHandler(readerConnection);
        }
        return counts;
    }

    @Test
    void theCachedStatementSurfacesSchemaUnderTheReproducer() throws SQLException {
        Counts counts = readUnderTheReproducer(
                ReaderStrategy.CACHED.open(readerConnection, Workload.POINT_QUERY, new ReentrantReadWriteLock()));

        assertThat(counts.attempts()).isEqualTo(5);
        assertThat(counts.failures(ErrorClass.SCHEMA)).as(counts.toString()).isPositive();
        assertThat(commitsDuringRead).isGreaterThan(50);
    }

    @Test
    void theLeasedReaderReadsThroughTheSameReproducer() throws SQLException {
        // A lease of one read: every read opens a new snapshot under the churn and reloads the schema in it.
        Counts counts = readUnderTheReproducer(new SnapshotLeaseReader(
                readerConnection, Workload.POINT_QUERY, 1, Long.MAX_VALUE, () -> 0L));

        assertThat(counts.ok()).as(counts.toString()).isEqualTo(5);
        assertThat(counts.failures()).isZero();
        assertThat(commitsDuringRead).as("the schema really changed under the reads").isGreaterThan(50);
    }

    @Test
    void aLeaseKeepsOneSnapshotUntilItEnds() throws SQLException {
        SnapshotLeaseReader leased = new SnapshotLeaseReader(
                readerConnection, Workload.POINT_QUERY, 3, Long.MAX_VALUE, () -> 0L);
        assertThat(leased.read(1)).isEqualTo("payload-1"); // lease starts: snapshot taken
        ddl.execute("CREATE TABLE added_meanwhile(x)");
        ddl.execute("INSERT INTO items(id, payload) VALUES (1000, 'new')");

        assertThat(leased.read(1000)).as("inside the lease: the old snapshot").isNull();
        assertThat(leased.read(1000)).as("third read, still the old snapshot; the lease ends after it").isNull();
        assertThat(leased.read(1000)).as("a new lease sees the change").isEqualTo("new");
        leased.close();
    }

    @Test
    void noReadSeesALeaseOlderThanItsMaximumAge() throws SQLException {
        long[] now = {0};
        SnapshotLeaseReader leased = new SnapshotLeaseReader(
                readerConnection, Workload.POINT_QUERY, Integer.MAX_VALUE, 50, () -> now[0]);
        leased.read(1);
        ddl.execute("INSERT INTO items(id, payload) VALUES (1000, 'new')");
        now[0] = 49;
        assertThat(leased.read(1000)).isNull();
        now[0] = 50; // the lease has reached its age, idle or not: it ends before this read
        assertThat(leased.read(1000)).isEqualTo("new");
        leased.close();
    }

    @Test
    void aFailureEndsTheLeaseSoTheNextTryStartsClean() throws SQLException {
        SnapshotLeaseReader leased = new SnapshotLeaseReader(
                readerConnection, Workload.POINT_QUERY, Integer.MAX_VALUE, Long.MAX_VALUE, () -> 0L);
        leased.read(1);
        ddl.execute("INSERT INTO items(id, payload) VALUES (1000, 'new')");
        leased.failed(ErrorClass.BUSY);
        assertThat(leased.read(1000)).isEqualTo("new");
        leased.close();
        try (Statement s = readerConnection.createStatement()) {
            s.execute("BEGIN"); // would fail inside a transaction left open by the reader
            s.execute("COMMIT");
        }
    }
}
