package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.PacedLoop;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;

/**
 * A churner on a background thread of its own (not a JMH worker), paced at {@code ddlPerSecond}
 * or unpaced, running for the whole trial from the first iteration on (after the readers have
 * connected). Its running totals are what {@link DdlCounters#carry} takes differences of.
 */
@State(Scope.Group)
public class PacedChurner {
    static final String UNPACED = "UNPACED";

    /** Target schema changes per second, or UNPACED (back to back). */
    @Param({"100"})
    public String ddlPerSecond;

    PacedLoop loop;
    private boolean running;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        double rate = UNPACED.equals(ddlPerSecond) ? 0 : Params.parseNonNegativeInt("ddlPerSecond", ddlPerSecond);
        if (rate == 0 && !UNPACED.equals(ddlPerSecond)) {
            throw new IllegalArgumentException("parameter ddlPerSecond must be above 0 or UNPACED, got " + ddlPerSecond);
        }
        Churner churner = db.fixture.churner();
        boolean[] pinned = {false};
        loop = new PacedLoop(rate, tally -> {
            if (!pinned[0]) {
                pinned[0] = true;
                db.placement.pin(CounterNames.DDL);
            }
            churner.step(tally);
        });
        db.fixture.closeBeforeAudit(loop::stop);
    }

    @Setup(Level.Iteration)
    public synchronized void startOnce() {
        if (!running) {
            running = true;
            loop.start("paced-churner");
        }
    }
}
