package io.github.schemachurn.sqlite.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's error, reproduced on the system SQLite library: a statement prepared with the
 * legacy {@code sqlite3_prepare} fails with SQLITE_SCHEMA on the first schema change another
 * connection commits; the same statement prepared with {@code sqlite3_prepare_v2} on the same
 * library re-prepares once by itself and succeeds.
 */
class NativePrepareTest {
    private Database db;
    private NativeConnection reading;
    private NativeConnection changing;
    private NativeReader reader;

    /** Seeded through sqlite-jdbc, whose connections are all closed before the native ones open. */
    private void open(JournalMode journal, PrepareMode mode) throws SQLException {
        db = Workload.createDatabase(journal, 0, 3, 0);
        reading = NativeConnection.open(db);
        changing = NativeConnection.open(db);
        reader = new NativeReader(reading, Workload.POINT_QUERY, mode);
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
        if (reading != null) {
            reading.close();
            changing.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private boolean readOnce(Counts counts) {
        return Operation.run(() -> reader.read(2), reader, RetryPolicy.NONE.create(), counts);
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void legacyPrepareHandsSchemaToTheCallerOnTheFirstChange(JournalMode journal) throws SQLException {
        open(journal, PrepareMode.LEGACY);
        assertThat(reader.read(1)).isEqualTo("payload-1");

        changing.execute("CREATE TABLE other(id INTEGER PRIMARY KEY)");
        Counts counts = new Counts();
        assertThat(readOnce(counts)).isFalse();

        assertThat(counts.failures(ErrorClass.SCHEMA)).isEqualTo(1);
        assertThat(counts.attempts()).isEqualTo(1);
        assertThat(reader.reprepares()).isZero();
        // The reader dropped the expired statement; the next call prepares it afresh and succeeds.
        assertThat(readOnce(counts)).isTrue();
        assertThat(reader.prepares()).isEqualTo(2);
        assertThat(counts.successes()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void legacyStatementStaysExpiredUntilFinalized(JournalMode journal) throws SQLException {
        open(journal, PrepareMode.LEGACY);
        reader.read(1);
        changing.execute("CREATE TABLE other(id INTEGER PRIMARY KEY)");

        // Without the reader's re-prepare (no failure reported to it), every try fails the same way.
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> reader.read(1))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(ErrorClass.of(e)).isEqualTo(ErrorClass.SCHEMA));
        }
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void v2RepreparesOnceAndSucceeds(JournalMode journal) throws SQLException {
        open(journal, PrepareMode.V2);
        assertThat(reader.read(1)).isEqualTo("payload-1");

        changing.execute("CREATE TABLE other(id INTEGER PRIMARY KEY)");
        Counts counts = new Counts();
        assertThat(readOnce(counts)).isTrue();

        assertThat(counts.failures()).isZero();
        assertThat(reader.reprepares()).isEqualTo(1);
        assertThat(reader.prepares()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(PrepareMode.class)
    void droppedTableIsNoSuchTableForBothModes(PrepareMode mode) throws SQLException {
        open(JournalMode.WAL, mode);
        reader.read(1);
        changing.execute("DROP TABLE items");

        Counts counts = new Counts();
        readOnce(counts);
        // LEGACY meets the schema change first; V2 re-prepares, and the re-prepare finds no table.
        ErrorClass expected = mode == PrepareMode.LEGACY ? ErrorClass.SCHEMA : ErrorClass.NO_SUCH_TABLE;
        assertThat(counts.failures(expected)).isEqualTo(1);
        readOnce(counts);
        assertThat(counts.failures(ErrorClass.NO_SUCH_TABLE)).isEqualTo(mode == PrepareMode.LEGACY ? 1 : 2);
    }
}
