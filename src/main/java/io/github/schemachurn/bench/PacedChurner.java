package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.PacedLoop;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A churner on a background thread of its own (not a JMH worker), paced at {@code ddlPerSecond}
 * or unpaced, started at the beginning of every iteration and stopped at its end. The first
 * thread of the group to finish the iteration stops it and reports its counts in
 * {@link PacedDdlCounters}; the others report 0.
 */
@State(Scope.Group)
public class PacedChurner {
    static final String UNPACED = "UNPACED";

    /** Target schema changes per second, or UNPACED (back to back). */
    @Param({"100"})
    public String ddlPerSecond;

    private PacedLoop loop;
    private Churner churner;
    private Connection connection;
    private PacedLoop.Run lastRun;
    private boolean claimed = true;

    @Setup(Level.Trial)
    public void open(ScalingDatabase db) throws SQLException {
        double rate = UNPACED.equals(ddlPerSecond) ? 0 : Params.parseNonNegativeInt("ddlPerSecond", ddlPerSecond);
        if (rate == 0 && !UNPACED.equals(ddlPerSecond)) {
            throw new IllegalArgumentException("parameter ddlPerSecond must be above 0 or UNPACED, got " + ddlPerSecond);
        }
        connection = db.database.connect();
        churner = Churner.jdbc(connection, SchemaChange.SIDE_TABLE, db.ddlStrategy.create(db.appLock), RetryPolicy.NONE.create());
        loop = new PacedLoop("paced-churner", rate, churner::step);
        db.churner = churner;
        db.background = loop;
    }

    @Setup(Level.Iteration)
    public synchronized void start() {
        lastRun = null;
        claimed = false;
        loop.start();
    }

    /** Stops the churner (once per iteration) and returns its run to the first caller; null to later ones. */
    synchronized PacedLoop.Run claimRun() {
        stop();
        if (claimed) {
            return null;
        }
        claimed = true;
        return lastRun;
    }

    @TearDown(Level.Iteration)
    public synchronized void stop() {
        PacedLoop.Run run = loop.stop();
        if (run != null) {
            lastRun = run;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        try {
            if (loop != null) {
                loop.stop();
            }
            if (churner != null) {
                churner.close();
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
