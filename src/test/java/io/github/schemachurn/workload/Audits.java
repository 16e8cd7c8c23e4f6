package io.github.schemachurn.workload;

import java.sql.Connection;
import java.sql.SQLException;

/** The fixture's audit checks, run directly on a connection the test opened. */
final class Audits {
    private Audits() {}

    /**
     * integrity_check ok, exactly {@code acknowledgedWrites} rows written, and (with a churner)
     * the schema its acknowledged changes leave.
     *
     * @throws IllegalStateException naming every mismatch, with the numbers
     */
    static void verify(Connection connection, long acknowledgedWrites, Churner churner) throws SQLException {
        Audit.failIfAny("audit failed", Audit.integrityProblem(connection), Audit.rowsProblem(connection, acknowledgedWrites),
                churner == null ? null : Audit.schemaProblem(connection, churner));
    }

    /** A churner alone: integrity_check ok and the schema its acknowledged changes leave. */
    static void verifySchema(Connection connection, Churner churner) throws SQLException {
        Audit.failIfAny("schema audit failed", Audit.integrityProblem(connection), Audit.schemaProblem(connection, churner));
    }
}
