package io.github.schemachurn.sqlite;

import static io.github.schemachurn.sqlite.Sql.exec;
import static io.github.schemachurn.sqlite.Sql.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A deterministic reproducer for every error class, each checked against the classifier. The
 * recipes are those of shared/sqlite-facts.md, each of which was checked with this driver.
 */
class ErrorClassTest {
    private Database db;

    private Connection open(JournalMode journal) throws SQLException {
        if (db == null) {
            db = Database.create(journal, 0);
        }
        return db.connect();
    }

    @AfterEach
    void removeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void schemaWhenEveryAutomaticReprepareIsInvalidatedAgain() throws SQLException {
        try (Connection reader = open(JournalMode.WAL); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE t(id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1)");
            PreparedStatement select = reader.prepareStatement("SELECT id FROM t");
            // One change before the call makes the first step fail its schema-cookie check. The
            // progress handler then runs while the reader reloads the schema during each automatic
            // re-prepare, so every one of SQLITE_MAX_SCHEMA_RETRY (50) retries is invalidated again.
            exec(churner, "CREATE TABLE before_call(id)");
            ProgressHandler.setHandler(reader, 1, new DdlOnEveryCall(churner, Integer.MAX_VALUE));

            assertThat(failureOf(select::executeQuery)).isEqualTo(ErrorClass.SCHEMA);
        }
    }

    @Test
    void fewerInvalidationsThanTheRetryLimitAreHiddenByTheAutomaticReprepare() throws SQLException {
        try (Connection reader = open(JournalMode.WAL); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE t(id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1)");
            PreparedStatement select = reader.prepareStatement("SELECT id FROM t");
            exec(churner, "CREATE TABLE before_call(id)");
            // At most 1 + 10 invalidations: well under SQLITE_MAX_SCHEMA_RETRY.
            ProgressHandler.setHandler(reader, 1, new DdlOnEveryCall(churner, 10));

            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void noSuchTableWhenThePreparedStatementsTableWasDropped() throws SQLException {
        try (Connection reader = open(JournalMode.WAL); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
            PreparedStatement select = reader.prepareStatement("SELECT id FROM t");
            exec(churner, "DROP TABLE t");

            assertThat(failureOf(select::executeQuery)).isEqualTo(ErrorClass.NO_SUCH_TABLE);
        }
    }

    @Test
    void deadStatementWhenReusingAStatementTheDriverFinalized() throws SQLException {
        try (Connection reader = open(JournalMode.WAL); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
            PreparedStatement select = reader.prepareStatement("SELECT id FROM t");
            exec(churner, "DROP TABLE t");
            failureOf(select::executeQuery);
            exec(churner, "CREATE TABLE t(id INTEGER PRIMARY KEY)");

            assertThat(select.isClosed()).as("the driver still says the statement is open").isFalse();
            assertThat(failureOf(select::executeQuery)).isEqualTo(ErrorClass.DEAD_STATEMENT);
        }
    }

    @Test
    void lockedWhenDroppingATableWhileTheSameConnectionReads() throws SQLException {
        try (Connection c = open(JournalMode.WAL)) {
            exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)",
                    "CREATE TABLE other(id INTEGER PRIMARY KEY)");
            try (Statement reading = c.createStatement(); ResultSet open = reading.executeQuery("SELECT id FROM t")) {
                assertThat(open.next()).isTrue();
                assertThat(failureOf(() -> exec(c, "DROP TABLE other"))).isEqualTo(ErrorClass.LOCKED);
            }
        }
    }

    @Test
    void busyWhenAnotherConnectionHoldsExclusiveInRollbackJournalMode() throws SQLException {
        try (Connection reader = open(JournalMode.DELETE); Connection churner = db.connect()) {
            exec(reader, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
            PreparedStatement select = reader.prepareStatement("SELECT id FROM t");
            // Run once first: with a stale schema the reader would report "no such table" instead.
            select.executeQuery().close();
            exec(churner, "BEGIN EXCLUSIVE");

            assertThat(failureOf(select::executeQuery)).isEqualTo(ErrorClass.BUSY);
            exec(churner, "COMMIT");
        }
    }

    @Test
    void busySnapshotWhenAWalReadTransactionWritesAfterAnotherCommit() throws SQLException {
        try (Connection a = open(JournalMode.WAL); Connection b = db.connect()) {
            exec(a, "CREATE TABLE t(id INTEGER PRIMARY KEY)");
            exec(a, "BEGIN");
            try (Statement s = a.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM t")) {
                rows.next();
            }
            exec(b, "INSERT INTO t VALUES (1)");

            assertThat(failureOf(() -> exec(a, "INSERT INTO t VALUES (2)"))).isEqualTo(ErrorClass.BUSY_SNAPSHOT);
            exec(a, "ROLLBACK");
        }
    }

    @Test
    void classifiesByResultCodeNotByMessage() {
        assertThat(ErrorClass.of(new SQLiteException("(no such table: t)", SQLiteErrorCode.SQLITE_SCHEMA)))
                .as("SQLITE_SCHEMA whose re-prepare failed still says 'no such table'")
                .isEqualTo(ErrorClass.SCHEMA);
        assertThat(ErrorClass.of(new SQLiteException("no such column: x", SQLiteErrorCode.SQLITE_ERROR)))
                .isEqualTo(ErrorClass.OTHER);
        assertThat(ErrorClass.of(new SQLiteException("", SQLiteErrorCode.SQLITE_BUSY_TIMEOUT))).isEqualTo(ErrorClass.BUSY);
        assertThat(ErrorClass.of(new SQLiteException("", SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE))).isEqualTo(ErrorClass.LOCKED);
        assertThat(ErrorClass.of(new SQLException("statement is not executing", "x", 5))).isEqualTo(ErrorClass.OTHER);
        assertThat(ErrorClass.of(new SQLException("something else"))).isEqualTo(ErrorClass.OTHER);
    }

    @Test
    void onlyBusyAndLockedLeaveTheStatementUsable() {
        assertThat(ErrorClass.BUSY.killsStatement()).isFalse();
        assertThat(ErrorClass.BUSY_SNAPSHOT.killsStatement()).isFalse();
        assertThat(ErrorClass.LOCKED.killsStatement()).isFalse();
        assertThat(ErrorClass.SCHEMA.killsStatement()).isTrue();
        assertThat(ErrorClass.NO_SUCH_TABLE.killsStatement()).isTrue();
        assertThat(ErrorClass.DEAD_STATEMENT.killsStatement()).isTrue();
    }

    /** Commits one schema change through another connection on each call, up to a limit. */
    static final class DdlOnEveryCall extends ProgressHandler {
        private final Connection churner;
        private final int limit;
        private int changes;

        DdlOnEveryCall(Connection churner, int limit) {
            this.churner = churner;
            this.limit = limit;
        }

        @Override
        protected int progress() throws SQLException {
            if (changes < limit) {
                exec(churner, changes % 2 == 0 ? "CREATE TABLE x(id)" : "DROP TABLE x");
                changes++;
            }
            return 0;
        }
    }
}
