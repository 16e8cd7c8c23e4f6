package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChurnerAndAuditTest {
    private Database db;
    private Connection connection;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = Workload.createDatabase(JournalMode.DELETE, 0, 100, 3);
        connection = db.connect();
    }

    @AfterEach
    void removeDatabase() throws SQLException {
        connection.close();
        db.close();
    }

    private Churner churner(Connection c, SchemaChange change) throws SQLException {
        return Churner.jdbc(c, change, DdlStrategy.IMMEDIATE.create(new ReentrantReadWriteLock()), RetryPolicy.NONE.create());
    }

    @Test
    void seedsTheQueriedTableAndTheExtraTables() throws SQLException {
        assertThat(Workload.countRows(connection, Workload.QUERIED_TABLE)).isEqualTo(100);
        assertThat(Workload.countRows(connection, Workload.WRITE_TABLE)).isZero();
        assertThat(Workload.tableExists(connection, "extra_2")).isTrue();
    }

    @Test
    void churnerAlternatesCreateAndDropAndKnowsWhatItDid() throws SQLException {
        Churner churner = churner(connection, SchemaChange.SIDE_TABLE);
        Counts counts = new Counts();
        for (int i = 0; i < 5; i++) {
            assertThat(churner.step(counts)).isTrue();
        }
        assertThat(churner.acknowledged()).isEqualTo(5);
        assertThat(churner.state()).isEqualTo(1);
        assertThat(Workload.tableExists(connection, SchemaChange.SIDE)).isTrue();
        assertThat(counts.ok()).isEqualTo(5);
        Audits.verify(connection, 0, churner);
    }

    @Test
    void aFailedStepChangesNothingAndIsCounted() throws SQLException {
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            Churner churner = churner(connection, SchemaChange.QUERIED_TABLE);
            s.execute("BEGIN EXCLUSIVE");
            Counts counts = new Counts();

            assertThat(churner.step(counts)).isFalse();

            s.execute("COMMIT");
            assertThat(counts.failures(ErrorClass.BUSY)).isEqualTo(1);
            assertThat(churner.state()).isEqualTo(SchemaChange.QUERIED_TABLE.initial());
            assertThat(Workload.tableExists(connection, Workload.QUERIED_TABLE)).isTrue();
            assertThat(churner.acknowledged()).isZero();
            Audits.verify(connection, 0, churner);
        }
    }

    @Test
    void writerAcknowledgesOnlyWhatItInserted() throws SQLException {
        WriterSession writer = new WriterSession(connection, RetryPolicy.NONE.create(), 0);
        Counts counts = new Counts();
        for (int i = 0; i < 3; i++) {
            writer.insert(counts);
        }
        assertThat(counts.ok()).isEqualTo(3);
        Audits.verify(connection, 3, null);
        writer.close();
    }

    @Test
    void auditNamesEveryMismatchWithItsNumbers() throws SQLException {
        Churner churner = churner(connection, SchemaChange.SIDE_TABLE);
        churner.step(new Counts());
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE churned");
            s.execute("INSERT INTO writes VALUES (1, 'x')");
        }

        assertThatThrownBy(() -> Audits.verify(connection, 2, churner))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("audit failed: 2 inserts acknowledged but 1 rows in writes; "
                        + "SIDE_TABLE schema is at state 0, not 1 after 1 acknowledged schema changes");
    }

    @Test
    void integrityCheckSaysOkForASoundDatabase() throws SQLException {
        assertThat(Audit.integrityCheck(connection)).isEqualTo("ok");
    }
}
