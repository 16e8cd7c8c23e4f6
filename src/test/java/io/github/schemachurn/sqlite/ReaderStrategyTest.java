package io.github.schemachurn.sqlite;

import static io.github.schemachurn.sqlite.Sql.exec;
import static io.github.schemachurn.sqlite.Sql.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every reader strategy reads, survives its table being dropped and recreated, and leaves no transaction open. */
class ReaderStrategyTest {
    private static final String QUERY = "SELECT payload FROM items WHERE id = ?";

    // SNAPSHOT_LEASE keeps reading its pinned snapshot by design; SnapshotLeaseReaderTest covers it.
    @ParameterizedTest
    @EnumSource(value = ReaderStrategy.class, mode = EnumSource.Mode.EXCLUDE, names = "SNAPSHOT_LEASE")
    void readsAndRecoversAfterTheDriverFinalizedItsStatement(ReaderStrategy strategy) throws SQLException {
        try (Database db = Database.create(JournalMode.WAL, 0);
             Connection reader = db.connect(); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE items(id INTEGER PRIMARY KEY, payload TEXT)", "INSERT INTO items VALUES (1, 'a')");
            Reader r = strategy.open(reader, QUERY, new ReentrantReadWriteLock());
            assertThat(r.read(1)).isEqualTo("a");
            assertThat(r.read(2)).isNull();

            exec(churner, "DROP TABLE items");
            ErrorClass failure = failureOf(() -> r.read(1));
            assertThat(failure).isEqualTo(ErrorClass.NO_SUCH_TABLE);
            r.failed(failure);
            exec(churner, "CREATE TABLE items(id INTEGER PRIMARY KEY, payload TEXT)", "INSERT INTO items VALUES (1, 'b')");

            assertThat(r.read(1)).as("no dead statement after the strategy was told of the failure").isEqualTo("b");
            exec(reader, "BEGIN", "COMMIT");
            r.close();
        }
    }
}
