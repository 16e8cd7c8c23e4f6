package io.github.schemachurn.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The end-of-trial check that nothing was lost: the database passes {@code PRAGMA
 * integrity_check}, every acknowledged insert is there (and nothing else), and the churned
 * schema is the one the acknowledged schema changes leave ({@link SchemaChange}).
 */
public final class Audit {
    private Audit() {}

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
