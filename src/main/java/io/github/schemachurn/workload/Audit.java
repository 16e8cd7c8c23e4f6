package io.github.schemachurn.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-trial check that nothing was lost: the database passes {@code PRAGMA
 * integrity_check}, every acknowledged insert is there (and nothing else), and the churned
 * schema is the one the acknowledged schema changes leave ({@link SchemaChange}).
 */
public final class Audit {
    private Audit() {}

    /**
     * @throws IllegalStateException naming every mismatch, with the numbers
     */
    public static void verify(Connection connection, long acknowledgedWrites, Churner churner) throws SQLException {
        List<String> problems = new ArrayList<>();
        String integrity = integrityCheck(connection);
        if (!integrity.equals("ok")) {
            problems.add("integrity_check says '" + integrity + "'");
        }
        long rows = Workload.countRows(connection, Workload.WRITE_TABLE);
        if (rows != acknowledgedWrites) {
            problems.add(acknowledgedWrites + " inserts acknowledged but " + rows + " rows in " + Workload.WRITE_TABLE);
        }
        if (churner != null) {
            String schema = schemaProblem(connection, churner.change(), churner.state());
            if (schema != null) {
                problems.add(schema + " after " + churner.acknowledged() + " acknowledged schema changes");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("audit failed: " + String.join("; ", problems));
        }
    }

    /**
     * The audit of a churner alone: integrity_check is ok and the schema is the one its
     * acknowledged changes leave.
     *
     * @throws IllegalStateException naming every mismatch
     */
    public static void verifySchema(Connection connection, Churner churner) throws SQLException {
        List<String> problems = new ArrayList<>();
        String integrity = integrityCheck(connection);
        if (!integrity.equals("ok")) {
            problems.add("integrity_check says '" + integrity + "'");
        }
        String schema = schemaProblem(connection, churner.change(), churner.state());
        if (schema != null) {
            problems.add(schema + " after " + churner.acknowledged() + " acknowledged schema changes");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("schema audit failed: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the file's schema for {@code change} at {@code state}; null if nothing. */
    static String schemaProblem(Connection connection, SchemaChange change, long state) throws SQLException {
        long found;
        try {
            if (change.matches(connection, state)) {
                return null;
            }
            found = change.stateOf(connection);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        return change + " schema is at state " + found + ", not " + state;
    }

    /** The first line of {@code PRAGMA integrity_check}: "ok" for a sound database. */
    public static String integrityCheck(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
