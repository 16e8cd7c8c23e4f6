package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.PacedLoop;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.WebRequests;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/**
 * The seed's site: a database with a table per existing user, the page requests
 * ({@link WebRequests}) served by the group's threads, and a registration thread (a
 * {@link PacedLoop}, not a JMH worker) that creates a table per new user at a fixed rate,
 * through the group's DDL strategy. Requests and registrations both run on the system SQLite
 * library, as the seed's PHP did (and because two SQLite copies must never have one file open
 * at once). At the end of the trial every acknowledged registration's table must exist and
 * integrity_check must be ok ({@link Fixture}).
 */
@State(Scope.Group)
public class Site extends SeedSiteParams {
    /** Page requests per second per request thread. */
    @Param({"200"})
    public String requestsPerSecond;

    Fixture fixture;
    WebRequests requests;
    int requestRate;
    PacedLoop registrations;
    private boolean running;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        PrepareMode prepareMode = Params.parseEnum("prepare", prepare, PrepareMode.class);
        int users = Params.parseNonNegativeInt("existingUsers", existingUsers);
        int registrationRate = Params.parseNonNegativeInt("registrationsPerSecond", registrationsPerSecond);
        requestRate = Params.parseNonNegativeInt("requestsPerSecond", requestsPerSecond);
        if (registrationRate == 0 || requestRate == 0) {
            throw new IllegalArgumentException("parameters registrationsPerSecond and requestsPerSecond must be above 0");
        }
        // The application lock is unused by the requests: they are PHP pages, not threads that share a lock.
        fixture = fixture(ddlStrategy, RetryPolicy.NONE, SchemaChange.TABLE_PER_TENANT, users);
        try {
            Churner registrar = fixture.nativeChurner();
            registrations = new PacedLoop(registrationRate, registrar::step);
            fixture.closeBeforeAudit(registrations::stop);
            requests = new WebRequests(fixture.database, prepareMode);
        } catch (SQLException | RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /** Starts registrations at the first iteration, once the request threads are set up; they run to the end of the trial. */
    @Setup(Level.Iteration)
    public synchronized void openRegistrations() {
        if (!running) {
            running = true;
            registrations.start("registrations");
        }
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws Exception {
        fixture.auditAndRemove();
    }
}
