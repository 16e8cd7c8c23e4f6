package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.PacedLoop;
import io.github.schemachurn.workload.Audit;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.WebRequests;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The seed's site: a database with a table per existing user, the page requests
 * ({@link WebRequests}) served by the group's threads, and a registration thread (a
 * {@link PacedLoop}, not a JMH worker) that creates a table per new user at a fixed rate,
 * through the group's DDL strategy. At the end of the trial every acknowledged registration's
 * table must exist and integrity_check must be ok.
 */
@State(Scope.Group)
public class Site {
    @Param({"WAL", "DELETE"})
    public String journal;

    /** How registration wraps its CREATE TABLE: {@link DdlStrategy}; EXCLUSIVE is the seed's fix. */
    @Param({"AUTOCOMMIT", "EXCLUSIVE"})
    public String ddl;

    /** Users registered before the run, each with a table and an index (the schema a new connection loads). */
    @Param({"200"})
    public String existingUsers;

    /** New users per second (one CREATE TABLE each). */
    @Param({"20"})
    public String registrationsPerSecond;

    /** Page requests per second per request thread. */
    @Param({"200"})
    public String requestsPerSecond;

    /** SQLite's busy_timeout in ms on every connection; 0 = fail at once, as the seed's PHP did. */
    @Param({"0"})
    public String busyTimeout;

    Database database;
    WebRequests requests;
    int requestRate;
    private Connection registrarConnection;
    private Churner registrar;
    private PacedLoop registrations;
    private PacedLoop.Run lastRun;
    private boolean claimed = true;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        JournalMode journalMode = Params.parseEnum("journal", journal, JournalMode.class);
        DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        int users = Params.parseNonNegativeInt("existingUsers", existingUsers);
        int registrationRate = Params.parseNonNegativeInt("registrationsPerSecond", registrationsPerSecond);
        requestRate = Params.parseNonNegativeInt("requestsPerSecond", requestsPerSecond);
        int busyTimeoutMs = Params.parseNonNegativeInt("busyTimeout", busyTimeout);
        if (registrationRate == 0 || requestRate == 0) {
            throw new IllegalArgumentException("parameters registrationsPerSecond and requestsPerSecond must be above 0");
        }
        database = Workload.createDatabase(journalMode, busyTimeoutMs, ScalingDatabase.ROWS, users);
        try {
            registrarConnection = database.connect();
            // The application lock is unused by the requests: they are PHP pages, not threads that share a lock.
            registrar = Churner.jdbc(registrarConnection, SchemaChange.TABLE_PER_TENANT, ddlStrategy.create(new ReentrantReadWriteLock()),
                    RetryPolicy.NONE.create());
            registrations = new PacedLoop("registrations", registrationRate, registrar::step);
            requests = new WebRequests(database);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Setup(Level.Iteration)
    public synchronized void openRegistrations() {
        lastRun = null;
        claimed = false;
        registrations.start();
    }

    @TearDown(Level.Iteration)
    public synchronized void closeRegistrations() {
        PacedLoop.Run run = registrations.stop();
        if (run != null) {
            lastRun = run;
        }
    }

    /** Stops registrations (once per iteration) and returns their run to the first caller; null to later ones. */
    synchronized PacedLoop.Run claimRun() {
        closeRegistrations();
        if (claimed) {
            return null;
        }
        claimed = true;
        return lastRun;
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws SQLException, InterruptedException {
        try {
            registrations.stop();
            registrar.close();
            registrarConnection.close();
            // Other request threads may still be closing their connections: wait on their locks.
            try (Connection c = database.connect(Database.PATIENT_BUSY_TIMEOUT_MS)) {
                Audit.verifySchema(c, registrar);
            }
        } finally {
            database.close();
        }
    }
}
