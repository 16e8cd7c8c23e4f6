package io.github.schemachurn.report;

import io.github.schemachurn.report.Threshold.Model;
import io.github.schemachurn.report.Threshold.Point;
import io.github.schemachurn.report.chart.ThresholdChart;
import java.util.List;
import java.util.Optional;

/** The report's section on where SCHEMA starts: the {@link Threshold} model's fit in words, and its phase map against the measured churn configurations. */
final class ThresholdSection {
    private ThresholdSection() {}

    static void render(Run run, Md md) {
        Optional<Model> fit = Threshold.model(run.configs);
        md.section("Where SCHEMA starts: a threshold model", s -> {
            if (fit.isEmpty()) {
                s.para("Not measured in this run: the model needs the schema-reload study (method `" + Threshold.SWEEP_METHOD
                        + "`, or `" + Threshold.STALE_CACHED_METHOD + "` at two or more `" + Run.EXTRA_TABLES + "` values).");
                return;
            }
            Model cost = fit.get();
            List<Point> points = Threshold.points(run.configs, cost);
            double maxTables = Math.max(points.stream().mapToDouble(Point::extraTables).max().orElse(0), cost.sizes().get(cost.sizes().size() - 1));
            double minTables = smallest(cost);
            // The cost grows a little faster than linearly, so the line can cross zero above an empty
            // schema; a negative "base cost" would read as a measurement.
            String base = cost.intercept() >= 0 ? Fmt.num(cost.intercept()) + " µs plus " : "about ";
            String how = cost.perFork()
                    ? "the median over " + cost.forks().size() + " forks of each fork's Theil-Sen line through its "
                            + cost.sizes().size() + " schema sizes (" + sizes(cost) + " extra tables, timed in every fork in a rotated order); "
                            + "forks from " + Fmt.num(cost.minSlope()) + " to " + Fmt.num(cost.maxSlope()) + " µs per table"
                    : "a Theil-Sen line through the per-size medians of " + cost.sizes().size() + " sizes (" + sizes(cost)
                            + " extra tables), each fork timing one size: no per-fork reference";
            String ratio = Double.isNaN(cost.slopeInFreshPrepares()) ? ""
                    : " In units of the same forks' fresh prepare of the point query (" + Fmt.num(cost.fresh()) + " µs), each extra table "
                            + "costs " + Fmt.num(cost.slopeInFreshPrepares()) + " fresh prepares"
                            + (cost.perFork() ? " (median of the per-fork ratios)" : "")
                            + ": the figure to compare between runs and machines, where the raw cost moves with the machine's speed.";
            String interceptNote = cost.intercept() >= 0 ? ""
                    : " Its intercept, " + Fmt.num(cost.intercept()) + " µs, is a fit, not a cost: below "
                            + Fmt.num(-cost.intercept() / cost.slope()) + " extra tables the line gives no positive cost, "
                            + "and the model predicts no SCHEMA there.";
            String where = minTables < maxTables
                    ? "above " + Fmt.num(Threshold.boundary(cost, minTables)) + " DDL/s at " + Fmt.num(minTables) + " extra tables, above "
                            + Fmt.num(Threshold.boundary(cost, maxTables)) + " DDL/s at " + Fmt.num(maxTables)
                    : "above " + Fmt.num(Threshold.boundary(cost, maxTables)) + " DDL/s at " + Fmt.num(maxTables) + " extra tables";
            s.para("A stale cached statement's re-prepare costs " + base + Fmt.num(cost.slope()) + " µs per extra table (" + how + ")."
                    + ratio + interceptNote + " With " + Threshold.RETRIES + " automatic retries (SQLITE_MAX_SCHEMA_RETRY of the SQLite bundled "
                    + "with sqlite-jdbc, which every JDBC reader here uses; the system library behind the legacy-prepare rows allows "
                    + "its own, see the environment), one read can spin for " + Fmt.num(Threshold.RETRIES * cost.at(maxTables) / 1e3) + " ms at "
                    + Fmt.num(maxTables) + " extra tables before SCHEMA reaches it. Model: SCHEMA starts once DDL commits arrive "
                    + "faster than one re-prepare, DDL/s > 1 / cost: " + where + ". It says where SCHEMA starts, not how much of it "
                    + "there is: above the line the share depends on the CPU regime and the reader strategy.");
            if (points.isEmpty()) {
                s.para("No churn results with a schema size in this run to hold the model against.");
                return;
            }
            s.image("SCHEMA share over extra tables and DDL/s", run.chart("threshold.png", chart(points, cost, minTables, maxTables)));
            List<Point> missedSchema = points.stream().filter(p -> p.schemaShare() > 0 && !p.predicted()).toList();
            List<Point> missedClean = points.stream().filter(p -> p.schemaShare() == 0 && p.predicted()).toList();
            long right = points.size() - missedSchema.size() - missedClean.size();
            s.para("The model is right for " + right + " of " + points.size() + " measured configurations. "
                    + "It fails where SCHEMA appeared below the line (" + missedSchema.size() + examples(missedSchema)
                    + ") and where none appeared above it (" + missedClean.size() + examples(missedClean) + "). "
                    + "It knows nothing of reader strategies that pin a snapshot (their re-prepare cannot be invalidated), "
                    + "of legacy `sqlite3_prepare` (no retries: any schema change fails the next step), nor of the CPU regime "
                    + "(on one shared core the churner rarely commits in the middle of a re-prepare).");
        });
    }

    private static String examples(List<Point> points) {
        if (points.isEmpty()) {
            return "";
        }
        List<String> varied = Result.varied(points.stream().map(Point::config).toList());
        return ", e.g. " + points.stream().limit(3).map(p -> "`" + p.config().benchmarkClass() + " "
                + p.config().label(varied.isEmpty() ? List.of(Run.EXTRA_TABLES) : varied) + "` "
                + Fmt.pct(100 * p.schemaShare()) + " SCHEMA at " + Fmt.num(p.ddlPerSecond()) + " DDL/s")
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** The smallest non-zero schema size the reload study measured: the line is drawn from there (its intercept can be negative). */
    private static double smallest(Model cost) {
        return cost.sizes().stream().mapToDouble(Double::doubleValue).filter(x -> x > 0).min().orElse(1);
    }

    private static String sizes(Model cost) {
        return cost.sizes().stream().map(Fmt::num).collect(java.util.stream.Collectors.joining(", "));
    }

    private static byte[] chart(List<Point> points, Model cost, double minTables, double maxTables) {
        return ThresholdChart.png(points.stream().map(p -> new ThresholdChart.Measured(p.extraTables(), p.ddlPerSecond(), p.schemaShare())).toList(),
                n -> Threshold.boundary(cost, n), minTables, maxTables);
    }
}
