package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The check that nothing was lost, at the end of a trial and after each injected crash: the
 * database passes {@code PRAGMA integrity_check}, every acknowledged insert is there (at the end,
 * nothing else), and the churned schema is the one the acknowledged schema changes leave
 * ({@link SchemaChange}; after a crash, or the one after, for the one change whose fate the
 * parent could not learn).
 */
public final class Audit {
    private Audit() {}

    /** Long enough to wait out a writer's commit in a rollback-journal database. */
    static final int CHECK_BUSY_TIMEOUT_MS = 10_000;

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

    /**
     * Checks a database that may just have lost a process mid-transaction, while writers go on.
     * Opening the connection and reading is what makes SQLite recover: roll back a hot journal,
     * or rebuild the WAL index.
     */
    public static Result afterCrash(Database database, SchemaChange change, Expectation expected, List<WriterLoop> writers)
            throws SQLException {
        try (Connection c = Database.connect(database.file(), database.synchronous(), CHECK_BUSY_TIMEOUT_MS)) {
            String integrity = integrityCheck(c);
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

    /** @throws IllegalStateException listing the problems (nulls are none), if there is any */
    static void failIfAny(String what, String... problems) {
        List<String> found = Stream.of(problems).filter(Objects::nonNull).toList();
        if (!found.isEmpty()) {
            throw new IllegalStateException(what + ": " + String.join("; ", found));
        }
    }

    static String integrityProblem(Connection connection) throws SQLException {
        String integrity = integrityCheck(connection);
        return integrity.equals("ok") ? null : "integrity_check says '" + integrity + "'";
    }

    static String rowsProblem(Connection connection, long acknowledgedWrites) throws SQLException {
        long rows = Workload.countRows(connection, Workload.WRITE_TABLE);
        return rows == acknowledgedWrites ? null
                : acknowledgedWrites + " inserts acknowledged but " + rows + " rows in " + Workload.WRITE_TABLE;
    }

    /** One more thing an audit checks: what is wrong in the file, or null if nothing. */
    @FunctionalInterface
    public interface Check {
        String problem(Connection connection) throws SQLException;
    }

    /** What is wrong with the file's schema for the churner's acknowledged changes; null if nothing. */
    static String schemaProblem(Connection connection, Churner churner) throws SQLException {
        return schemaProblem(connection, churner.change(), churner.state(), churner.acknowledged());
    }

    /** What is wrong with the file's schema, which {@code acknowledged} changes left at {@code state}; null if nothing. */
    public static String schemaProblem(Connection connection, SchemaChange change, long state, long acknowledged)
            throws SQLException {
        long found;
        try {
            if (change.matches(connection, state)) {
                return null;
            }
            found = change.stateOf(connection);
        } catch (IllegalStateException e) {
            return e.getMessage() + " after " + acknowledged + " acknowledged schema changes";
        }
        return change + " schema is at state " + found + ", not " + state + " after " + acknowledged
                + " acknowledged schema changes";
    }

    /** All lines of {@code PRAGMA integrity_check}, joined: "ok" for a sound database. */
    public static String integrityCheck(Connection connection) throws SQLException {
        StringBuilder result = new StringBuilder();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                result.append(result.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
        }
        return result.toString();
    }
}
