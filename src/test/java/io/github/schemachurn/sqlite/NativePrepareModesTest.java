package io.github.schemachurn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * More reproducers on the system SQLite library beside {@link NativeSqliteTest}: both prepare
 * calls in both journal modes, what a legacy statement does if nobody re-prepares it, a dropped
 * table under each call, every DDL strategy and a multi-statement migration through a native
 * churner, and the one-line refusal when the library is missing. The database is seeded through
 * sqlite-jdbc, whose connections are all closed before the native ones open.
 */
class NativePrepareModesTest {
    private Database db;
    private NativeConnection reading;
    private NativeConnection changing;
    private NativeReader reader;

    private void open(JournalMode journal, PrepareMode mode) throws SQLException {
        db = Workload.createDatabase(journal, 0, 3, 0);
        reading = NativeConnection.open(db.file(), 0);
        changing = NativeConnection.open(db.file(), 0);
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

    private Counts readOnce() {
        Counts counts = new Counts();
        Operation.run(() -> reader.read(2), reader, RetryPolicy.NONE.create(), counts);
        return counts;
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void legacyFailsWithSchemaOnTheFirstChangeInEitherJournalMode(JournalMode journal) throws SQLException {
        open(journal, PrepareMode.LEGACY);
        assertThat(reader.read(1)).isEqualTo("payload-1");

        changing.execute("CREATE TABLE other(id INTEGER PRIMARY KEY)");
        Counts failed = readOnce();
        assertThat(failed.failures(ErrorClass.SCHEMA)).as(failed.toString()).isEqualTo(1);
        assertThat(reader.takeReprepares()).as("the legacy call never re-prepares by itself").isZero();

        Counts next = readOnce();
        assertThat(next.ok()).as("prepared again after the failure").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void aLegacyStatementStaysExpiredUntilItIsPreparedAgain(JournalMode journal) throws SQLException {
        open(journal, PrepareMode.LEGACY);
        reader.read(1);
        changing.execute("CREATE TABLE other(id INTEGER PRIMARY KEY)");

        // Not told of the failure (no Operation.run), the reader keeps the expired statement:
        // every step fails the same way, reset returning SQLITE_SCHEMA each time.
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> reader.read(1))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(ErrorClass.of(e)).isEqualTo(ErrorClass.SCHEMA));
        }
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void v2RepreparesOnceAndSucceedsInEitherJournalMode(JournalMode journal) throws SQLException {
        open(journal, PrepareMode.V2);
        reader.read(1);
        reader.takeReprepares();

        changing.execute("CREATE TABLE other(id INTEGER PRIMARY KEY)");
        Counts counts = readOnce();
        assertThat(counts.ok()).as(counts.toString()).isEqualTo(1);
        assertThat(reader.takeReprepares()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(PrepareMode.class)
    void aDroppedTableIsSchemaFirstUnderLegacyAndNoSuchTableUnderV2(PrepareMode mode) throws SQLException {
        open(JournalMode.WAL, mode);
        reader.read(1);
        changing.execute("DROP TABLE " + Workload.QUERIED_TABLE);

        // LEGACY meets the schema change itself; V2 re-prepares, and the re-prepare finds no table.
        Counts first = readOnce();
        assertThat(first.failures(mode == PrepareMode.LEGACY ? ErrorClass.SCHEMA : ErrorClass.NO_SUCH_TABLE))
                .as(first.toString()).isEqualTo(1);
        // Prepared again: no table either way.
        Counts second = readOnce();
        assertThat(second.failures(ErrorClass.NO_SUCH_TABLE)).as(second.toString()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DdlStrategy.class)
    void aNativeChurnerRunsSideTableChangesUnderEveryDdlStrategy(DdlStrategy strategy) throws SQLException {
        open(JournalMode.WAL, PrepareMode.V2);
        Churner churner = new Churner(changing, SchemaChange.SIDE_TABLE, strategy.create(new ReentrantReadWriteLock()),
                RetryPolicy.NONE.create());
        Counts counts = new Counts();
        for (int i = 0; i < 5; i++) {
            churner.step(counts);
        }
        assertThat(counts.ok()).as(counts.toString()).isEqualTo(5);
        // Five steps from no table: create, drop, create, drop, create. Checked through the
        // driver only once every native connection to the file is closed.
        reader.close();
        reading.close();
        changing.close();
        reading = null;
        try (Connection c = db.connect()) {
            assertThat(SchemaChange.SIDE_TABLE.stateOf(c)).isEqualTo(churner.state()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DdlStrategy.class, names = {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"})
    void aNativeChurnerRunsAMigrationInOneTransaction(DdlStrategy strategy) throws SQLException {
        open(JournalMode.DELETE, PrepareMode.V2);
        Churner churner = new Churner(changing, SchemaChange.MIGRATION, strategy.create(new ReentrantReadWriteLock()),
                RetryPolicy.NONE.create());
        Counts counts = new Counts();
        churner.step(counts);
        churner.step(counts);
        assertThat(counts.ok()).as(counts.toString()).isEqualTo(2);
        reader.close();
        reading.close();
        changing.close();
        reading = null;
        try (Connection c = db.connect()) {
            assertThat(Workload.columns(c, Workload.QUERIED_TABLE)).hasSize(2 + 4);
            assertThat(SchemaChange.MIGRATION.stateOf(c)).isEqualTo(churner.state()).isEqualTo(2);
        }
    }

    @Test
    void aMissingLibraryIsOneLineNamingThePackage() {
        assertThatThrownBy(() -> NativeSqlite.load("schemachurn_no_such_library"))
                .isInstanceOf(IllegalStateException.class)
                .hasNoCause()
                .hasMessageContaining("not found: install the Debian package libsqlite3-0")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void failuresReadLikeTheDriversWithTheRealCode() throws SQLException {
        open(JournalMode.WAL, PrepareMode.LEGACY);
        reader.read(1);
        changing.execute("CREATE TABLE other(id INTEGER PRIMARY KEY)");
        assertThatThrownBy(() -> reader.read(1))
                .isInstanceOfSatisfying(org.sqlite.SQLiteException.class, e -> {
                    assertThat(e.getResultCode()).isEqualTo(org.sqlite.SQLiteErrorCode.SQLITE_SCHEMA);
                    assertThat(e.getMessage()).startsWith("[SQLITE_SCHEMA] The database schema changed (database schema has changed");
                });
    }
}
