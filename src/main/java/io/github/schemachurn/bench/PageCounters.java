package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.workload.PageTotals;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * The seed site's pages beyond their outcomes (those are the "op" role's, {@link OpCounters}): the
 * parts of their exposure window, whether the workers kept their pace, and the schema's size
 * ({@link CounterNames#page()}). Counted over exactly the op role's measured window: from the poll
 * of the workers that opened it to the poll that closed it. EVENTS: plain totals per iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PageCounters {
    public long pageTimed;
    public long pageSchemaLoadMicros;
    public long pagePrepareToStepMicros;
    public long pageRetried;
    public long pageLate;
    public long pageLagMicros;
    public long pageSchemaObjectsStart;
    public long pageSchemaObjectsEnd;

    private PageTotals atStart;
    private long schemaObjectsAtStart;
    private ServedSite site;
    private OpCounters pages;

    @Setup(Level.Iteration)
    public void resetPageWindow() {
        atStart = null;
    }

    /**
     * Called right after the op role's carry in the same call: takes the poll that opened its
     * window. (JMH refuses a counter state injected twice, so the teardown gets the op role here.)
     */
    void enter(Control control, ServedSite site, OpCounters pages) throws SQLException {
        if (atStart == null && control.startMeasurement && !control.stopMeasurement) {
            this.site = site;
            this.pages = pages;
            atStart = site.lastPoll();
            schemaObjectsAtStart = site.schemaObjects();
        }
    }

    /** Closes the op role's window (if no call has yet: its closing poll is this window's end too), then publishes. */
    @TearDown(Level.Iteration)
    public void publishPageWindow() throws SQLException {
        if (atStart == null) {
            return;
        }
        pages.count.close();
        PageTotals window = site.lastPoll().minus(atStart);
        pageTimed = window.timed();
        pageSchemaLoadMicros = window.schemaLoadNanos() / 1_000;
        pagePrepareToStepMicros = window.prepareToStepNanos() / 1_000;
        pageRetried = window.retried();
        pageLate = window.late();
        pageLagMicros = window.lagNanos() / 1_000;
        pageSchemaObjectsStart = schemaObjectsAtStart;
        pageSchemaObjectsEnd = site.schemaObjects();
    }
}
