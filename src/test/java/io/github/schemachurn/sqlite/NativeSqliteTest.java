package io.github.schemachurn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deterministic reproducers on the system SQLite library: what one schema change does to a
 * statement prepared with each prepare call, as {@link ErrorClass} classifies it. Only that
 * library has the file open while a test runs.
 */
class NativeSqliteTest {
    private Database database;
    private NativeConnection reader;
    private NativeConnection changer;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = Workload.createDatabase(JournalMode.WAL, 0, 10, 0); // seeded through the driver, which then closes
        reader = NativeConnection.open(database.file(), 0);
        changer = NativeConnection.open(database.file(), 0);
    }

    @AfterEach
    void remove() {
        reader.close();
        changer.close();
        database.close();
    }

    private static Counts readOnce(NativeReader statement) {
        Counts counts = new Counts();
        Operation.run(() -> statement.read(1), statement, RetryPolicy.NONE.create(), counts);
        return counts;
    }

    @Test
    void aLegacyStatementFailsWithSchemaOnTheFirstSchemaChange() throws SQLException {
        NativeReader statement = new NativeReader(reader, Workload.POINT_QUERY, PrepareMode.LEGACY);
        assertThat(statement.read(1)).isEqualTo("payload-1");

        changer.execute("CREATE TABLE added_meanwhile(x)");
        Counts afterChange = readOnce(statement);

        assertThat(afterChange.failures(ErrorClass.SCHEMA)).as(afterChange.toString()).isEqualTo(1);
        assertThat(readOnce(statement).ok()).as("prepared again after the failure").isEqualTo(1);
        statement.close();
    }

    @Test
    void aV2StatementReprepareItselfOnceAndSucceeds() throws SQLException {
        NativeReader statement = new NativeReader(reader, Workload.POINT_QUERY, PrepareMode.V2);
        assertThat(statement.read(1)).isEqualTo("payload-1");
        statement.takeReprepares();

        changer.execute("CREATE TABLE added_meanwhile(x)");
        Counts afterChange = readOnce(statement);

        assertThat(afterChange.ok()).as(afterChange.toString()).isEqualTo(1);
        assertThat(statement.takeReprepares()).isEqualTo(1);
        statement.close();
    }

    @ParameterizedTest
    @EnumSource(value = DdlStrategy.class, names = {"AUTOCOMMIT", "EXCLUSIVE"})
    void theNativeConnectionRunsASchemaChangeThroughEveryDdlStrategy(DdlStrategy ddl) throws SQLException {
        Churner churner = new Churner(changer, SchemaChange.SIDE_TABLE, ddl.create(new ReentrantReadWriteLock()),
                RetryPolicy.NONE.create());
        Counts counts = new Counts();
        for (int i = 0; i < 5; i++) {
            churner.step(counts);
        }
        assertThat(counts.ok()).as(counts.toString()).isEqualTo(5);
        reader.close();
        changer.close();
        try (Connection c = database.connect()) {
            assertThat(SchemaChange.SIDE_TABLE.matches(c, churner.state())).isTrue();
        }
        reader = NativeConnection.open(database.file(), 0);
        changer = NativeConnection.open(database.file(), 0);
    }

    @Test
    void aLockedDatabaseFailsWithBusyByItsRealCode() throws SQLException {
        // In DELETE mode a writer's EXCLUSIVE lock shuts readers out (in WAL it would not).
        try (Database deleteMode = Workload.createDatabase(JournalMode.DELETE, 0, 10, 0);
                NativeConnection holder = NativeConnection.open(deleteMode.file(), 0);
                NativeConnection blocked = NativeConnection.open(deleteMode.file(), 0)) {
            holder.execute("BEGIN EXCLUSIVE");
            NativeReader statement = new NativeReader(blocked, Workload.POINT_QUERY, PrepareMode.V2);
            Counts counts = readOnce(statement);
            holder.execute("COMMIT");
            statement.close();

            assertThat(counts.failures(ErrorClass.BUSY)).as(counts.toString()).isEqualTo(1);
        }
    }

    @Test
    void theLibraryTellsItsVersionAndCompileOptions() {
        assertThat(NativeSqlite.version()).matches("3\\.\\d+\\.\\d+");
        assertThat(NativeSqlite.compileOptions()).isNotEmpty();
    }
}
