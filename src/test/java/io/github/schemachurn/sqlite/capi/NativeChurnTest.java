package io.github.schemachurn.sqlite.capi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The churner runs every DDL strategy through a native connection, as it does through JDBC. */
class NativeChurnTest {
    private static final int STEPS = 5;

    @ParameterizedTest
    @EnumSource(DdlStrategy.class)
    void churnerRunsSideTableChangesThroughTheNativeLibrary(DdlStrategy strategy) throws SQLException {
        try (Database db = Workload.createDatabase(JournalMode.WAL, 0, 3, 0)) {
            Counts counts = new Counts();
            long state;
            try (NativeConnection connection = NativeConnection.open(db);
                 Churner churner = new Churner(connection, SchemaChange.SIDE_TABLE,
                         strategy.create(new ReentrantReadWriteLock()), RetryPolicy.NONE.create())) {
                for (int i = 0; i < STEPS; i++) {
                    assertThat(churner.step(counts)).isTrue();
                }
                state = churner.state();
                assertThat(connection.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = '" + SchemaChange.SIDE + "'"))
                        .isEqualTo(1);
            }
            assertThat(counts.successes()).isEqualTo(STEPS);
            // Five steps from no table: create, drop, create, drop, create. Checked through
            // sqlite-jdbc only now that every native connection to the file is closed.
            try (Connection c = db.connect()) {
                assertThat(SchemaChange.SIDE_TABLE.stateOf(c)).isEqualTo(state).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DdlStrategy.class, names = {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"})
    void migrationSharesOneTransaction(DdlStrategy strategy) throws SQLException {
        try (Database db = Workload.createDatabase(JournalMode.DELETE, 0, 3, 0)) {
            try (NativeConnection connection = NativeConnection.open(db);
                 Churner churner = new Churner(connection, SchemaChange.MIGRATION,
                         strategy.create(new ReentrantReadWriteLock()), RetryPolicy.NONE.create())) {
                Counts counts = new Counts();
                churner.step(counts);
                churner.step(counts);
                assertThat(counts.successes()).isEqualTo(2);
                assertThat(connection.queryInt("SELECT count(*) FROM pragma_table_info('items')")).isEqualTo(6);
            }
        }
    }
}
