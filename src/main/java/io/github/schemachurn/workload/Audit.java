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
 * table exists exactly when the acknowledged DDL says it should.
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
        if (churner != null && Workload.tableExists(connection, churner.table()) != churner.tableExists()) {
            problems.add("table " + churner.table() + (churner.tableExists() ? " is missing" : " exists")
                    + " after " + churner.acknowledged() + " acknowledged schema changes");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("audit failed: " + String.join("; ", problems));
        }
    }

    /** The first line of {@code PRAGMA integrity_check}: "ok" for a sound database. */
    public static String integrityCheck(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
