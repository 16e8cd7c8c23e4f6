package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Checks a database that may just have lost a process mid-transaction, while writers go on:
 * {@code PRAGMA integrity_check} is ok, every acknowledged write of every writer is there, and
 * the churned table exists exactly as the acknowledged DDL says (or either way for the one DDL
 * whose fate the parent could not learn). Opening the connection and reading is what makes
 * SQLite recover: roll back a hot journal, or rebuild the WAL index.
 */
public final class DurabilityCheck {
    /** Long enough to wait out a writer's commit in a rollback-journal database. */
    static final int CHECK_BUSY_TIMEOUT_MS = 10_000;

    private DurabilityCheck() {}

    /** The churned table's expected state: known, or unknown for one in-flight DDL. */
    public enum Expectation {
        EXISTS, ABSENT, EITHER;

        public static Expectation of(boolean exists) {
            return exists ? EXISTS : ABSENT;
        }
    }

    /** What one check found. {@code tableExists} is the state seen, to carry forward. */
    public record Result(String integrity, long lostWrites, boolean tableExists, boolean tableAsExpected) {
        public boolean ok() {
            return integrity.equals("ok") && lostWrites == 0 && tableAsExpected;
        }

        public String describe() {
            return "integrity_check '" + integrity + "', " + lostWrites + " acknowledged writes missing, table "
                    + (tableExists ? "present" : "absent") + (tableAsExpected ? " as expected" : " against the acknowledged DDL");
        }
    }

    public static Result check(Database database, String table, Expectation expected, List<WriterLoop> writers)
            throws SQLException {
        try (Connection c = Database.connect(database.file(), database.synchronous(), CHECK_BUSY_TIMEOUT_MS)) {
            String integrity = integrityCheck(c);
            long lost = 0;
            for (WriterLoop writer : writers) {
                lost += missingWrites(c, writer.firstId(), writer.acknowledged());
            }
            boolean exists = Workload.tableExists(c, table);
            boolean asExpected = expected == Expectation.EITHER || exists == (expected == Expectation.EXISTS);
            return new Result(integrity, lost, exists, asExpected);
        }
    }

    /** All lines of {@code PRAGMA integrity_check}, joined: "ok" for a sound database. */
    static String integrityCheck(Connection connection) throws SQLException {
        StringBuilder result = new StringBuilder();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                result.append(result.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
        }
        return result.toString();
    }

    /** How many of the ids {@code firstId .. firstId + acknowledged - 1} have no row. */
    static long missingWrites(Connection connection, long firstId, long acknowledged) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM " + Workload.WRITE_TABLE + " WHERE id >= ? AND id < ?")) {
            s.setLong(1, firstId);
            s.setLong(2, firstId + acknowledged);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return acknowledged - rs.getLong(1);
            }
        }
    }
}
