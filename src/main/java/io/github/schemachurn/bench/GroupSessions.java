package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets a group's trial teardown wait for the group's threads. JMH runs a Scope.Group trial
 * teardown on the first thread that gets there, while the others may still be inside their
 * last call (a DDL commit, a schema reload); an audit then would race them. Each thread state
 * counts itself in at setup and out at its own trial teardown (which JMH runs before the
 * group's), and the audit first waits for the count to reach 0.
 */
final class GroupSessions {
    private static final long WAIT_NANOS = 30_000_000_000L;
    private static final int AUDIT_BUSY_TIMEOUT_MS = 5_000;

    private int open;

    synchronized void opened() {
        open++;
    }

    synchronized void closed() {
        open--;
        notifyAll();
    }

    /** Waits until every thread state that opened has closed. */
    synchronized void awaitAllClosed() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (open > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(open + " benchmark threads still running 30 s after the trial ended");
            }
            wait(left / 1_000_000 + 1);
        }
    }

    /**
     * A connection for the audit or a probe that waits on locks instead of failing: opening one
     * already reads the schema (to apply pragmas), which can meet BUSY at busy_timeout 0.
     */
    static Connection patientConnection(Database database) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            try {
                Connection connection = database.connect();
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA busy_timeout=" + AUDIT_BUSY_TIMEOUT_MS);
                }
                return connection;
            } catch (SQLException e) {
                if (ErrorClass.of(e) != ErrorClass.BUSY || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }
}
