package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Sleeper;
import io.github.schemachurn.workload.Pacer;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.*;

/**
 * One request thread's pace: before each request (an invocation-level setup, so not timed)
 * it waits for its next slot at the site's request rate.
 */
@State(Scope.Thread)
public class Visitor {
    private Pacer pacer;
    private SplittableRandom random;
    private int rows;

    @Setup(Level.Trial)
    public void open(Site site) {
        pacer = Pacer.perSecond(site.requestRate, System::nanoTime, Sleeper.SYSTEM);
        random = new SplittableRandom(System.identityHashCode(this));
        rows = Math.max(1, site.fixture.rows);
    }

    @Setup(Level.Iteration)
    public void startPacing() {
        pacer.start();
    }

    @Setup(Level.Invocation)
    public void awaitNextRequest() {
        pacer.awaitNext();
    }

    int nextItem() {
        return 1 + random.nextInt(rows);
    }
}
