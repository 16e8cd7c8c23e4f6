package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks a database that may just have lost a process mid-transaction, while writers go on:
 * {@code PRAGMA integrity_check} is ok, every acknowledged write of every writer is there, and
 * the schema is the one the acknowledged changes leave (or the one after, for the one change
 * whose fate the parent could not learn). Opening the connection and reading is what makes
 * SQLite recover: roll back a hot journal, or rebuild the WAL index.
 */
public final class DurabilityCheck {
    /** Long enough to wait out a writer's commit in a rollback-journal database. */
    static final int CHECK_BUSY_TIMEOUT_MS = 10_000;

    private DurabilityCheck() {}

    /**
     * The schema's expected state: the acknowledged one, or with {@code orNext} also the one
     * after it, for the one in-flight change whose fate the parent could not learn.
     */
    public record Expectation(long state, boolean orNext) {
        public static Expectation of(long state) {
            return new Expectation(state, false);
        }
    }

    /**
     * What one check found. {@code state} is the schema's state seen, to carry forward (-1 if
     * the file's schema is no state of the workload; {@code schema} then says what was found).
     */
    public record Result(String integrity, long lostWrites, long state, boolean schemaAsExpected, String schema) {
        public boolean ok() {
            return integrity.equals("ok") && lostWrites == 0 && schemaAsExpected;
        }

        public String describe() {
            return "integrity_check '" + integrity + "', " + lostWrites + " acknowledged writes missing, " + schema
                    + (schemaAsExpected ? " as expected" : " against the acknowledged DDL");
        }
    }

    public static Result check(Database database, SchemaChange change, Expectation expected, List<WriterLoop> writers)
            throws SQLException {
        try (Connection c = Database.connect(database.file(), database.synchronous(), CHECK_BUSY_TIMEOUT_MS)) {
            String integrity = Audit.integrityCheck(c);
            long lost = 0;
            for (WriterLoop writer : writers) {
                lost += missingWrites(c, writer.firstId(), writer.acknowledged());
            }
            long next = change.next(expected.state());
            try {
                if (change.matches(c, expected.state())) {
                    return new Result(integrity, lost, expected.state(), true, change + " schema at state " + expected.state());
                }
                if (expected.orNext() && change.matches(c, next)) {
                    return new Result(integrity, lost, next, true, change + " schema at state " + next);
                }
                long found = change.stateOf(c);
                return new Result(integrity, lost, found, false, change + " schema at state " + found);
            } catch (IllegalStateException e) {
                return new Result(integrity, lost, -1, false, e.getMessage());
            }
        }
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
