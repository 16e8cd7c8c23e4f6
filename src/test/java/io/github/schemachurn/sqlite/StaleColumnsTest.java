package io.github.schemachurn.sqlite;

import static io.github.schemachurn.sqlite.Sql.exec;
import static io.github.schemachurn.sqlite.Sql.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What sqlite-jdbc 3.54.1.0 (SQLite 3.54.1, prepare_v2) does with a statement reused across
 * ALTER TABLE on another connection: it never returns stale columns. The automatic re-prepare
 * expands {@code SELECT *} again and the driver reads the column count and names from the
 * re-prepared native statement at each execution, so the ResultSet shows the new schema whether
 * the statement was executed before the change or not. Listed columns that no longer exist fail
 * with SQLITE_ERROR "no such column" (classified OTHER), and the driver finalizes the statement.
 */
class StaleColumnsTest {
    private static final String STAR = "SELECT * FROM items WHERE id = ?";
    private static final String LISTED = "SELECT id, payload FROM items WHERE id = ?";

    private Database db;
    private Connection reader;
    private Connection churner;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = Database.create(JournalMode.WAL, 0);
        reader = db.connect();
        churner = db.connect();
        exec(reader, "CREATE TABLE items(id INTEGER PRIMARY KEY, payload TEXT)", "INSERT INTO items VALUES (1, 'a')");
    }

    @AfterEach
    void removeDatabase() throws SQLException {
        reader.close();
        churner.close();
        db.close();
    }

    /** The column names of one execution, and the row's values (one per reported column). */
    private static List<String> run(PreparedStatement statement) throws SQLException {
        statement.setInt(1, 1);
        List<String> seen = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                seen.add(meta.getColumnName(i) + "=" + rs.getString(i));
            }
        }
        return seen;
    }

    @ParameterizedTest(name = "executed before the change: {0}")
    @ValueSource(booleans = {false, true})
    void reusedSelectStarShowsTheColumnAddedByAnotherConnection(boolean executedBefore) throws SQLException {
        PreparedStatement star = reader.prepareStatement(STAR);
        if (executedBefore) {
            assertThat(run(star)).containsExactly("id=1", "payload=a");
        }
        exec(churner, "ALTER TABLE items ADD COLUMN extra TEXT DEFAULT 'x'");

        assertThat(run(star)).as("getColumnCount() is 3 and getString(3) reads the new column")
                .containsExactly("id=1", "payload=a", "extra=x");
        star.setInt(1, 1);
        try (ResultSet rs = star.executeQuery()) {
            rs.next();
            assertThat(rs.getString("extra")).isEqualTo("x");
        }
        star.close();
    }

    @ParameterizedTest(name = "executed before the change: {0}")
    @ValueSource(booleans = {false, true})
    void reusedSelectStarShowsARenamedAndADroppedColumn(boolean executedBefore) throws SQLException {
        PreparedStatement star = reader.prepareStatement(STAR);
        if (executedBefore) {
            run(star);
        }
        exec(churner, "ALTER TABLE items RENAME COLUMN payload TO body");
        assertThat(run(star)).containsExactly("id=1", "body=a");

        exec(churner, "ALTER TABLE items DROP COLUMN body");
        assertThat(run(star)).as("getColumnCount() is 1").containsExactly("id=1");
        assertThatThrownBy(() -> {
            star.setInt(1, 1);
            try (ResultSet rs = star.executeQuery()) {
                rs.next();
                rs.getString(2);
            }
        }).hasMessage("column 2 out of bounds [1,1]");
        star.close();
    }

    @Test
    void reusedListedColumnsFailWithNoSuchColumnAfterARename() throws SQLException {
        PreparedStatement listed = reader.prepareStatement(LISTED);
        run(listed);
        exec(churner, "ALTER TABLE items ADD COLUMN extra TEXT");
        assertThat(run(listed)).as("unaffected by ADD COLUMN").containsExactly("id=1", "payload=a");

        exec(churner, "ALTER TABLE items RENAME COLUMN payload TO body");
        assertThat(failureOf(() -> run(listed))).as("SQLITE_ERROR 'no such column: payload'").isEqualTo(ErrorClass.OTHER);
        assertThat(failureOf(() -> run(listed))).as("then finalized by the driver").isEqualTo(ErrorClass.DEAD_STATEMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {STAR, LISTED})
    void theColumnCheckedReaderFindsNoStaleColumnsAfterAddColumn(String sql) throws SQLException {
        Reader r = ReaderStrategy.COLUMN_CHECKED.open(reader, sql, new ReentrantReadWriteLock());
        Counts counts = new Counts();
        Retrier retrier = RetryPolicy.NONE.create();
        assertThat(Operation.run(() -> r.read(1), r, retrier, counts)).isTrue();
        exec(churner, "ALTER TABLE items ADD COLUMN extra TEXT");

        assertThat(Operation.run(() -> r.read(1), r, retrier, counts)).isTrue();
        assertThat(counts.failures(ErrorClass.STALE_COLUMNS)).isZero();
        assertThat(counts.ok()).isEqualTo(2);
        exec(reader, "BEGIN", "COMMIT");
        r.close();
    }

    @Test
    void aStaleResultIsCountedAsStaleColumnsNeverAsOkAndKeepsTheStatement() {
        Counts counts = new Counts();
        boolean ok = Operation.run(() -> {
            throw new StaleColumnsException(List.of("id", "payload"), List.of("id", "payload", "extra"));
        }, Operation.FailureListener.NONE, RetryPolicy.NONE.create(), counts);

        assertThat(ok).isFalse();
        assertThat(counts.failures(ErrorClass.STALE_COLUMNS)).isEqualTo(1);
        assertThat(counts.ok()).isZero();
        assertThat(ErrorClass.STALE_COLUMNS.killsStatement()).isFalse();
    }
}
