package io.github.schemachurn.workload;

/**
 * A churner that runs as fast as it can until stopped, publishing a whole {@link ChurnReport}
 * after each DDL so that another thread can read consistent counts at any moment. Used on a
 * thread of the benchmark's JVM and as the main loop of a {@link ChurnerProcess}.
 */
public final class ChurnLoop extends BackgroundLoop {
    private final Churner churner;
    private volatile ChurnReport report;

    public ChurnLoop(Churner churner) {
        this.churner = churner;
        this.report = new ChurnReport(Totals.ZERO, churner.state());
    }

    @Override
    void step() {
        Totals.Step step = new Totals.Step();
        churner.step(step);
        report = new ChurnReport(report.totals().plus(step), churner.state());
    }

    /** Counts since the start, as of the last finished DDL. */
    public ChurnReport report() {
        return report;
    }
}
