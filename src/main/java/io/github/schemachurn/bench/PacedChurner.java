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

    /**
     * Target schema changes per second (a decimal: 0.2 is a migration every 5 s), or UNPACED
     * (back to back).
     */
    @Param({"100"})
    public String ddlPerSecond;

    PacedLoop loop;
    private boolean running;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        double rate = Params.UNPACED.equals(ddlPerSecond) ? 0 : parseRate(ddlPerSecond);
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

    private static double parseRate(String value) {
        double rate;
        try {
            rate = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate > 0 && rate <= 1e6)) {
            throw new IllegalArgumentException("parameter ddlPerSecond must be a number above 0 and at most 1e6, or "
                    + Params.UNPACED + ", got '" + value + "'");
        }
        return rate;
    }

    @Setup(Level.Iteration)
    public synchronized void startOnce() {
        if (!running) {
            running = true;
            loop.start("paced-churner");
        }
    }
}
