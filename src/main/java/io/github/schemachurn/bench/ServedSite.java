package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.NativeConnection;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.ChildJvm;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.Latency;
import io.github.schemachurn.workload.PageTotals;
import io.github.schemachurn.workload.PageWorkers;
import io.github.schemachurn.workload.PoissonArrivals;
import io.github.schemachurn.workload.SchemaChange;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/**
 * The seed's site served as PHP served it ({@link SeedSiteBenchmark}): a database with a table and
 * an index per existing user; {@code workers} page worker processes ({@link PageWorkers}) serving
 * {@code pagesPerSecond} pages between them at random arrivals, each page on a fresh connection;
 * and registrations (one CREATE TABLE per new user, through the {@code ddl} strategy) at random
 * arrivals of {@code registrationsPerSecond}, made by JMH's thread. Pages and registrations run on
 * the system SQLite library. At the end of the trial every acknowledged registration's table must
 * exist and integrity_check must be ok ({@link Fixture}).
 */
@State(Scope.Benchmark)
public class ServedSite extends SeedSiteParams {
    /** Page worker processes (PHP-FPM's children). */
    @Param({"3"})
    public String workers;

    /** Pages per second on average for the whole site, at random arrivals, split evenly between the workers. */
    @Param({"150"})
    public String pagesPerSecond;

    /** How often a page prepares and executes again after SQLITE_SCHEMA (the remedy for the legacy call); 0: never. */
    @Param({"0"})
    public String retries;

    /**
     * Seeds the random arrivals of pages and registrations, and the items pages ask for. 0: each fork
     * draws its own (forks, and the rounds of an interleaved run, are then independent samples of the
     * arrivals while staying one configuration); a positive seed repeats one arrival sequence in every fork.
     */
    @Param({"0"})
    public String seed;

    private Fixture fixture;
    private Churner registrar;
    private NativeConnection schemaReader;
    private PageWorkers pages;
    private PoissonArrivals registrations;
    private PageTotals lastPoll = PageTotals.ZERO;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        // Parse and check everything before creating anything, so bad input leaves nothing behind.
        DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        PrepareMode prepareMode = Params.parseEnum("prepare", prepare, PrepareMode.class);
        int users = Params.parsePositiveInt("existingUsers", existingUsers);
        int registrationRate = Params.parsePositiveInt("registrationsPerSecond", registrationsPerSecond);
        int workerCount = Params.parsePositiveInt("workers", workers);
        int pageRate = Params.parsePositiveInt("pagesPerSecond", pagesPerSecond);
        int retryCount = Params.parseNonNegativeInt("retries", retries);
        int givenSeed = Params.parseNonNegativeInt("seed", seed);
        long arrivalSeed = givenSeed > 0 ? givenSeed : java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << 40);
        if (ddlStrategy.needsInJvmLock()) {
            throw new IllegalArgumentException("ddl " + ddlStrategy + " needs a lock shared with the pages in one JVM;"
                    + " here pages run in worker processes");
        }
        fixture = fixture(ddlStrategy, RetryPolicy.NONE, SchemaChange.TABLE_PER_TENANT, users);
        try {
            registrar = fixture.nativeChurner();
            schemaReader = NativeConnection.open(fixture.database.file(), Database.PATIENT_BUSY_TIMEOUT_MS);
            fixture.closeBeforeAudit(schemaReader);
            pages = PageWorkers.start(ChildJvm.fastStarting(), fixture.database, prepareMode, retryCount, workerCount,
                    pageRate, arrivalSeed, fixture.rows);
            fixture.closeBeforeAudit(pages);
        } catch (SQLException | RuntimeException e) {
            if (schemaReader != null) {
                schemaReader.close();
            }
            fixture.close();
            throw e;
        }
        registrations = new PoissonArrivals(registrationRate, arrivalSeed * 1_000L + 999);
        registrations.start();
    }

    /** Waits for the next registration's arrival, then registers: one CREATE TABLE through the ddl strategy. */
    boolean register(Tally tally) {
        registrations.awaitNext(() -> false);
        return registrar.step(tally);
    }

    /** The workers' page counts so far; this poll is also the page counters' snapshot ({@link #lastPoll()}). */
    Counts pollPages() {
        lastPoll = pages.poll();
        return lastPoll.counts();
    }

    /** The CPU time of the pages as of the last {@link #pollPages()}. */
    long pageCpuNanos() {
        return lastPoll.cpuNanos();
    }

    /** The latency of the pages served since the last call (polls the workers, without moving {@link #lastPoll()}). */
    Latency pageLatency() {
        pages.poll();
        return pages.takeLatency();
    }

    PageTotals lastPoll() {
        return lastPoll;
    }

    /** Rows of sqlite_schema now: tables, indexes, triggers and views, what a fresh connection loads. */
    long schemaObjects() throws SQLException {
        return Long.parseLong(schemaReader.queryOne("SELECT count(*) FROM sqlite_schema"));
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws Exception {
        fixture.auditAndRemove();
    }
}
