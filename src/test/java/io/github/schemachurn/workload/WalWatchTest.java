package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.sqlite.WalIndex;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The WAL watch on real databases: a reader that holds a read transaction open keeps every
 * automatic checkpoint from completing, so the WAL grows past its autocheckpoint size; without it
 * every checkpoint completes. Behaviour only: nothing here depends on how fast anything runs.
 */
class WalWatchTest {
    /** SQLite's default wal_autocheckpoint, and the page size of a new database. */
    private static final long AUTOCHECKPOINT_PAGES = 1000;
    private static final long AUTOCHECKPOINT_BYTES = AUTOCHECKPOINT_PAGES * (24 + 4096);

    private static Fixture fixture(JournalMode journal) throws SQLException {
        return Fixture.create(journal, DdlStrategy.AUTOCOMMIT, RetryPolicy.NONE, SchemaChange.SIDE_TABLE, 0, 10, 0);
    }

    /**
     * About 2,000 frames: each insert of a 5,000-byte blob writes a leaf and an overflow page. The
     * watch samples after every commit (besides its own sampler), so the count does not depend on
     * how the sampler's thread is scheduled.
     */
    private static void commitPastTheAutocheckpointSize(Connection writer, WalWatch watch) throws Exception {
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS fill(b BLOB)");
            for (int i = 0; i < 1000; i++) {
                s.execute("INSERT INTO fill VALUES (randomblob(5000))");
                if (watch != null) {
                    watch.sampleIfOpen();
                }
            }
        }
    }

    /** Opens a read transaction and keeps it: a snapshot held as the snapshot-lease reader holds one. */
    private static void holdASnapshot(Connection reader) throws SQLException {
        reader.setAutoCommit(false);
        try (Statement s = reader.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + Workload.QUERIED_TABLE)) {
            assertThat(r.next()).isTrue();
        }
    }

    @Test
    void aHeldSnapshotLetsTheWalGrowPastItsAutocheckpointSizeWithCheckpointsIncomplete() throws Exception {
        try (Fixture f = fixture(JournalMode.WAL); Connection reader = f.database.connect(); Connection writer = f.database.connect()) {
            holdASnapshot(reader);
            WalWatch.Carrier carrier = new WalWatch.Carrier();
            carrier.enter(f.walWatch(), true, false);
            commitPastTheAutocheckpointSize(writer, f.walWatch());
            carrier.enter(f.walWatch(), true, true);

            assertThat(carrier.samples()).isGreaterThanOrEqualTo(2);
            assertThat(carrier.peakBytes()).isGreaterThan(AUTOCHECKPOINT_BYTES);
            // No rewind can happen while the snapshot is held: every commit after the one that
            // reached 1000 frames (about 1,000 more frames, two per commit) appended past the size.
            assertThat(carrier.incompleteCheckpoints()).isGreaterThan(100);
            reader.rollback();
        }
    }

    @Test
    void withoutReadersEveryCheckpointCompletesAndTheWalStaysNearItsAutocheckpointSize() throws Exception {
        try (Fixture f = fixture(JournalMode.WAL); Connection writer = f.database.connect()) {
            WalWatch.Carrier carrier = new WalWatch.Carrier();
            carrier.enter(f.walWatch(), true, false);
            commitPastTheAutocheckpointSize(writer, f.walWatch());
            carrier.enter(f.walWatch(), true, true);

            assertThat(carrier.samples()).isGreaterThanOrEqualTo(2);
            assertThat(carrier.incompleteCheckpoints()).isZero();
            assertThat(carrier.peakBytes()).isLessThan(2 * AUTOCHECKPOINT_BYTES);
        }
    }

    @Test
    void countsNothingOutsideTheMeasuredWindow() throws Exception {
        try (Fixture f = fixture(JournalMode.WAL); Connection reader = f.database.connect(); Connection writer = f.database.connect()) {
            holdASnapshot(reader);
            WalWatch.Carrier carrier = new WalWatch.Carrier();
            carrier.enter(f.walWatch(), false, false); // JMH's warmup-wait loop
            commitPastTheAutocheckpointSize(writer, f.walWatch());
            assertThat(carrier.samples()).isZero();
            assertThat(carrier.incompleteCheckpoints()).isZero();

            carrier.enter(f.walWatch(), true, false); // the measured window, with no commit in it
            carrier.enter(f.walWatch(), true, true);
            long samples = carrier.samples();
            commitPastTheAutocheckpointSize(writer, f.walWatch()); // the warmdown-wait loop
            carrier.enter(f.walWatch(), true, true);
            carrier.close();

            assertThat(carrier.incompleteCheckpoints()).isZero();
            assertThat(carrier.samples()).isEqualTo(samples);
            reader.rollback();
        }
    }

    @Test
    void aSecondThreadOfTheGroupCarriesNothingWhileTheFirstHasTheWindow() throws Exception {
        try (Fixture f = fixture(JournalMode.WAL); Connection open = f.database.connect()) {
            WalWatch.Carrier first = new WalWatch.Carrier();
            WalWatch.Carrier second = new WalWatch.Carrier();
            first.enter(f.walWatch(), true, false);
            second.enter(f.walWatch(), true, false);
            first.close();
            second.close();
            assertThat(first.samples()).isPositive();
            assertThat(second.samples()).isZero();
        }
    }

    @Test
    void aDeleteDatabaseHasNoWalToWatch() throws Exception {
        try (Fixture f = fixture(JournalMode.DELETE); Connection writer = f.database.connect()) {
            assertThat(f.walWatch()).isNull();
            assertThat(WalIndex.open(f.database.file())).isNull();
            WalWatch.Carrier carrier = new WalWatch.Carrier();
            carrier.enter(f.walWatch(), true, false);
            commitPastTheAutocheckpointSize(writer, f.walWatch());
            carrier.enter(f.walWatch(), true, true);
            carrier.close();
            assertThat(carrier.samples()).isZero();
            assertThat(carrier.peakBytes()).isZero();
            assertThat(carrier.incompleteCheckpoints()).isZero();
        }
    }
}
