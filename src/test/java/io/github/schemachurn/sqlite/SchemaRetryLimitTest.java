package io.github.schemachurn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Pointer;
import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * SQLITE_MAX_SCHEMA_RETRY of the system SQLite the legacy-prepare rows use, measured rather than read
 * from {@code pragma compile_options} (where SQLite's default, 50, is not listed). The reproducer of
 * sqlite-facts: a progress handler on the reader commits a schema change through another connection
 * on every call, also while the reader reloads the schema in each automatic re-prepare, so every retry
 * is invalidated again and the step ends in SQLITE_SCHEMA; sqlite3_stmt_status then counts the
 * re-prepares it made. (The driver's bundled copy exports no C API to count them with; ErrorClassTest
 * shows its reads surviving 11 invalidations and failing under endless ones, and sqlite-facts its 50.)
 */
class SchemaRetryLimitTest {
    @Test
    void theSystemLibraryRetriesAsItWasBuilt() throws SQLException {
        assumeTrue(NativeSqlite.available(), "no system libsqlite3");
        String built = NativeSqlite.compileOptions().stream().filter(o -> o.startsWith("MAX_SCHEMA_RETRY="))
                .map(o -> o.substring("MAX_SCHEMA_RETRY=".length())).findFirst().orElse("50");
        try (Database db = Workload.createDatabase(JournalMode.WAL, 0, 10, 0)) {
            NativeConnection reader = NativeConnection.open(db.file(), 0);
            NativeConnection changer = NativeConnection.open(db.file(), 0);
            Pointer select = reader.prepare(Workload.POINT_QUERY, PrepareMode.V2);
            try {
                int[] changes = {0};
                NativeSqlite.ProgressHandler handler = argument -> {
                    try {
                        changer.execute(changes[0]++ % 2 == 0 ? "CREATE TABLE x(id)" : "DROP TABLE x");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return 0;
                };
                handler.invoke(null); // one change before the call: the first step finds its statement stale
                reader.progressHandler(1, handler);
                reader.api().sqlite3_bind_int(select, 1, 1);
                SQLException failure = null;
                try {
                    reader.stepOneRow(select, Workload.POINT_QUERY);
                } catch (SQLException e) {
                    failure = e;
                } finally {
                    reader.progressHandler(0, null);
                }
                assertThat((Throwable) failure).isNotNull();
                assertThat(ErrorClass.of(failure)).isEqualTo(ErrorClass.SCHEMA);
                assertThat(reader.api().sqlite3_stmt_status(select, NativeSqlite.SQLITE_STMTSTATUS_REPREPARE, 0))
                        .isEqualTo(Integer.parseInt(built));
            } finally {
                reader.finalizeStatement(select);
                reader.close();
                changer.close();
            }
        }
    }
}
