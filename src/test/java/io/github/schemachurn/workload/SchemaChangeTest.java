package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each schema-change workload does what it says: the schema after N acknowledged steps, its bound, its audit. */
class SchemaChangeTest {
    private Database db;
    private Connection connection;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = Workload.createDatabase(JournalMode.WAL, 0, 10, 0);
        connection = db.connect();
    }

    @AfterEach
    void removeDatabase() throws SQLException {
        connection.close();
        db.close();
    }

    private Churner churner(SchemaChange change, DdlStrategy strategy) throws SQLException {
        change.check(strategy);
        return Churner.jdbc(connection, change, strategy.create(new ReentrantReadWriteLock()), RetryPolicy.NONE.create());
    }

    private static void steps(Churner churner, int n) {
        Counts counts = new Counts();
        for (int i = 0; i < n; i++) {
            assertThat(churner.step(counts)).as("step %d: %s", i, counts).isTrue();
        }
    }

    private List<String> itemsColumns() throws SQLException {
        return Workload.columns(connection, Workload.QUERIED_TABLE);
    }

    @Test
    void addColumnAddsOneColumnPerStepThenDropsThemOneByOne() throws SQLException {
        Churner churner = churner(SchemaChange.ADD_COLUMN, DdlStrategy.AUTOCOMMIT);
        steps(churner, 3);
        assertThat(itemsColumns()).containsExactly("id", "payload", "added_0", "added_1", "added_2");
        steps(churner, 2);
        assertThat(itemsColumns()).containsExactly("id", "payload", "added_0", "added_1", "added_2");
        assertThat(churner.state()).isEqualTo(5);
        Audits.verifySchema(connection, churner);
        steps(churner, 3);
        assertThat(itemsColumns()).as("8 steps: the cycle is closed").containsExactly("id", "payload");
        assertThat(churner.acknowledged()).isEqualTo(8);
        assertThat(churner.state()).isZero();
        assertThat(Workload.countRows(connection, Workload.QUERIED_TABLE)).isEqualTo(10);
    }

    @Test
    void migrationAddsTwoColumnsPerChangeAndTheResetChangeDropsAll() throws SQLException {
        Churner churner = churner(SchemaChange.MIGRATION, DdlStrategy.IMMEDIATE);
        steps(churner, 3);
        assertThat(itemsColumns()).containsExactly("id", "payload", "added_0", "added_1", "added_2", "added_3", "added_4", "added_5");
        Audits.verifySchema(connection, churner);
        steps(churner, 1);
        assertThat(itemsColumns()).as("the reset is the fourth step").containsExactly("id", "payload");
        assertThat(churner.acknowledged()).isEqualTo(4);
        Audits.verifySchema(connection, churner);
    }

    @Test
    void aMigrationThatFailsHalfWayLeavesNothing() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE items ADD COLUMN added_1 TEXT");
        }
        Churner churner = churner(SchemaChange.MIGRATION, DdlStrategy.IMMEDIATE);
        Counts counts = new Counts();
        assertThat(churner.step(counts)).as("the second ADD COLUMN fails: duplicate column").isFalse();
        assertThat(itemsColumns()).as("the first ADD COLUMN was rolled back with it").containsExactly("id", "payload", "added_1");
        assertThat(churner.state()).isZero();
    }

    @Test
    void renameColumnAddsItsColumnOnceThenRenamesItBackAndForth() throws SQLException {
        Churner churner = churner(SchemaChange.RENAME_COLUMN, DdlStrategy.EXCLUSIVE);
        steps(churner, 1);
        assertThat(itemsColumns()).containsExactly("id", "payload", "note");
        steps(churner, 1);
        assertThat(itemsColumns()).containsExactly("id", "payload", "remark");
        steps(churner, 1);
        assertThat(itemsColumns()).containsExactly("id", "payload", "note");
        assertThat(churner.state()).isEqualTo(1);
        Audits.verifySchema(connection, churner);
    }

    @Test
    void indexIsCreatedAndDroppedOnTheQueriedTable() throws SQLException {
        Churner churner = churner(SchemaChange.INDEX, DdlStrategy.DEFERRED);
        steps(churner, 1);
        assertThat(Workload.indexExists(connection, "items_payload")).isTrue();
        Audits.verifySchema(connection, churner);
        steps(churner, 1);
        assertThat(Workload.indexExists(connection, "items_payload")).isFalse();
        Audits.verifySchema(connection, churner);
    }

    @Test
    void tablePerTenantGrowsToItsCapThenKeepsARing() throws SQLException {
        Churner churner = churner(SchemaChange.TABLE_PER_TENANT, DdlStrategy.IMMEDIATE);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous = OFF"); // only to make the 1003 commits quick
        }
        steps(churner, 3);
        assertThat(Workload.tablesStartingWith(connection, "tenant_")).containsExactlyInAnyOrder("tenant_0", "tenant_1", "tenant_2");
        steps(churner, (int) SchemaChange.TENANTS - 3);
        assertThat(Workload.tablesStartingWith(connection, "tenant_")).hasSize((int) SchemaChange.TENANTS);
        steps(churner, 1);
        assertThat(Workload.tablesStartingWith(connection, "tenant_")).as("the oldest dropped")
                .hasSize((int) SchemaChange.TENANTS - 1).doesNotContain("tenant_0");
        Audits.verifySchema(connection, churner);
        steps(churner, 2);
        assertThat(Workload.tablesStartingWith(connection, "tenant_")).hasSize((int) SchemaChange.TENANTS - 1)
                .contains("tenant_1000").doesNotContain("tenant_0", "tenant_1");
        assertThat(churner.acknowledged()).isEqualTo(SchemaChange.TENANTS + 3);
        Audits.verifySchema(connection, churner);
    }

    @Test
    void vacuumLeavesTheSchemaAsItIsAndChangesTheCookie() throws SQLException {
        Churner churner = churner(SchemaChange.VACUUM, DdlStrategy.AUTOCOMMIT);
        long before = schemaVersion();
        steps(churner, 2);
        assertThat(schemaVersion()).isNotEqualTo(before);
        assertThat(itemsColumns()).containsExactly("id", "payload");
        Audits.verifySchema(connection, churner);
    }

    private long schemaVersion() throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA schema_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void strategiesThatCannotRunAWorkloadFailInOneLine() {
        assertThatThrownBy(() -> SchemaChange.VACUUM.check(DdlStrategy.IMMEDIATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema change VACUUM cannot run under ddl IMMEDIATE: VACUUM cannot run inside a transaction;"
                        + " use one of [AUTOCOMMIT, APP_LOCK]");
        assertThatThrownBy(() -> SchemaChange.MIGRATION.check(DdlStrategy.AUTOCOMMIT))
                .hasMessageContaining("its statements must share one transaction");
        SchemaChange.ADD_COLUMN.check(DdlStrategy.APP_LOCK);
    }

    @ParameterizedTest
    @EnumSource(SchemaChange.class)
    void aRestartedChurnerResumesFromTheFile(SchemaChange change) throws SQLException {
        DdlStrategy strategy = change == SchemaChange.VACUUM ? DdlStrategy.AUTOCOMMIT : DdlStrategy.IMMEDIATE;
        Churner first = churner(change, strategy);
        steps(first, 3);
        assertThat(change.matches(connection, first.state())).as("the file is at the acknowledged state").isTrue();
        Churner resumed = Churner.jdbc(connection, change, change.stateOf(connection),
                strategy.create(new ReentrantReadWriteLock()), RetryPolicy.NONE.create());
        steps(resumed, 3);
        Audits.verifySchema(connection, resumed);
    }

    @Test
    void auditRejectsASchemaTheAcknowledgedChangesDoNotLeave() throws SQLException {
        Churner churner = churner(SchemaChange.ADD_COLUMN, DdlStrategy.IMMEDIATE);
        steps(churner, 2);
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE items DROP COLUMN added_1");
        }
        assertThatThrownBy(() -> Audits.verifySchema(connection, churner))
                .hasMessage("schema audit failed: ADD_COLUMN schema is at state 1, not 2 after 2 acknowledged schema changes");
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE items ADD COLUMN stray TEXT");
        }
        assertThatThrownBy(() -> Audits.verifySchema(connection, churner))
                .hasMessage("schema audit failed: table items has extra columns [added_0, stray], which no step of ADD_COLUMN"
                        + " leaves after 2 acknowledged schema changes");
    }
}
