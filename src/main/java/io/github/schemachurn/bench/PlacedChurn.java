package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.workload.Audit;
import io.github.schemachurn.workload.ChurnReport;
import io.github.schemachurn.workload.ChurnerPlacement;
import io.github.schemachurn.workload.CrashStats;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.sqlite.Counts;
import io.github.schemachurn.workload.WriterLoop;
import java.sql.SQLException;
import java.util.List;
import org.openjdk.jmh.annotations.*;

/**
 * The database of {@link CrossProcessChurnBenchmark}, with a writer and a churner running
 * outside JMH's threads for the whole trial; the churner where {@code churner} puts it
 * ({@link ChurnerPlacement}). The audit at the end also demands the schema the churner's
 * acknowledged DDL left, and that every kill's recovery check passed.
 */
@State(Scope.Group)
public class PlacedChurn extends ChurnParams {
    /**
     * How the churner wraps its DDL: {@link DdlStrategy}. Its own defaults: a killed churner must
     * be inside an explicit transaction, and APP_LOCK cannot work across processes.
     */
    @Param({"IMMEDIATE", "EXCLUSIVE"})
    public String ddl;

    /** Where the churner runs: {@link ChurnerPlacement}. */
    @Param({"THREAD", "PROCESS", "KILLED_PROCESS"})
    public String churner;

    /** The background writer's pause after each insert, in microseconds. */
    @Param({"1000"})
    public String writerPauseUs;

    Fixture fixture;
    private ChurnerPlacement placement;
    private int pauseMicros;
    private WriterLoop writer;
    private ChurnerPlacement.RunningChurn churn;
    private CrashStats crashesAtStart = CrashStats.ZERO;

    @Setup(Level.Trial)
    public void create() throws SQLException {
        // Parse and check everything before creating anything, so bad input leaves nothing behind.
        DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
        placement = Params.parseEnum("churner", churner, ChurnerPlacement.class);
        pauseMicros = Params.parseNonNegativeInt("writerPauseUs", writerPauseUs);
        placement.check(ddlStrategy);
        fixture = fixture(ddlStrategy, retryPolicy(), schemaChange(), 0);
    }

    /**
     * Starts the writer and the churner at the first iteration, after the readers have
     * connected (with busy timeout 0, connecting fails while a writer holds the lock).
     */
    @Setup(Level.Iteration)
    public synchronized void startOnce() throws SQLException {
        if (churn != null) {
            return;
        }
        writer = fixture.writerLoop(pauseMicros);
        writer.start("schemachurn-writer");
        churn = placement.start(fixture.database, fixture.ddl, fixture.retry, fixture.change, fixture.appLock,
                List.of(writer));
        fixture.closeBeforeAudit(churn);
        fixture.audit(c -> {
            CrashStats crashes = churn.crashes();
            if (crashes.failedRecoveries() > 0) {
                return "crash recovery failed after " + crashes.failedRecoveries() + " of " + crashes.kills()
                        + " kills: " + churn.problems();
            }
            ChurnReport last = churn.report();
            return Audit.schemaProblem(c, fixture.change, last.state(), last.totals().ok());
        });
    }

    /** Crash counts since the last call; the first caller of an iteration gets them, later ones zero. */
    synchronized CrashStats takeCrashes() {
        CrashStats now = churn.crashes();
        CrashStats taken = now.minus(crashesAtStart);
        crashesAtStart = now;
        return taken;
    }

    /** The churner's DDL counts so far; fails if the writer beside it broke. */
    Counts churnTotals() {
        writer.checkHealthy();
        return churn.report().totals();
    }

    @TearDown(Level.Trial)
    public void auditAndRemove() throws Exception {
        fixture.auditAndRemove();
    }
}
