package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.PrepareMode;

import io.github.schemachurn.sqlite.ErrorClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When does SCHEMA reach the application? sqlite3_prepare_v2 re-prepares a stale statement up to
 * {@link #RETRIES} times, and each re-prepare reloads the whole schema. A DDL commit that lands
 * during a re-prepare invalidates it again; once commits arrive faster than one re-prepare takes,
 * every retry is invalidated and the step fails with SCHEMA. So the model: SCHEMA where
 * DDL/s x re-prepare cost(extra tables) > 1, the cost a line fitted to the schema-reload study.
 */
public final class ThresholdSection {
    /** The schema-reload study's method that times a prepare on a connection whose schema is stale. */
    /** SQLITE_MAX_SCHEMA_RETRY of the SQLite bundled with sqlite-jdbc (SQLite's default). */
    static final int RETRIES = 50;

    private ThresholdSection() {}

    /** The fitted cost of one stale re-prepare, in microseconds, by extra tables. */
    static Optional<Stats.Line> cost(List<Result> configs) {
        return reloadPoints(configs).size() < 2 ? Optional.empty() : Optional.of(Stats.fit(reloadPoints(configs)));
    }

    /** (extra tables, microseconds) per fork of the stale-prepare timing. */
    static List<double[]> reloadPoints(List<Result> configs) {
        List<double[]> points = new ArrayList<>();
        for (Result r : configs) {
            String tables = r.params().get(Run.EXTRA_TABLES);
            if (r.method().equals(Run.STALE_PREPARE_METHOD) && tables != null) {
                Result.Metric m = r.metrics().get(r.method());
                double toMicros = m.unit().startsWith("ms") ? 1e3 : m.unit().startsWith("ns") ? 1e-3 : m.unit().startsWith("s/") ? 1e6 : 1;
                m.forks().forEach(f -> points.add(new double[] {Double.parseDouble(tables), Stats.mean(f) * toMicros}));
            }
        }
        return points;
    }

    /** DDL commits per second above which the model predicts SCHEMA, at this many extra tables. */
    static double boundary(Stats.Line cost, double extraTables) {
        return boundary(cost.at(extraTables));
    }

    /** DDL commits per second above which the model predicts SCHEMA, for a re-prepare of this many microseconds. */
    public static double boundary(double reprepareMicros) {
        return 1e6 / Math.max(reprepareMicros, 1e-3);
    }

    /** A measured point of the phase map: a churn configuration with a schema size. */
    record Point(Result config, double extraTables, double ddlPerSecond, double schemaShare, boolean predicted) {}

    static List<Point> points(List<Result> configs, Stats.Line cost) {
        List<Point> points = new ArrayList<>();
        for (Result c : configs) {
            String tables = c.param(Run.EXTRA_TABLES);
            // A legacy-prepare statement fails on the first schema change, with no re-prepare race: not this model's case.
            if (!c.churn() || tables == null || PrepareMode.LEGACY.name().equals(c.param(Run.PREPARE))) {
                continue;
            }
            double n = Double.parseDouble(tables);
            double ddl = c.ddl().orElseThrow().rate().value();
            double schema = c.op().orElseThrow().share(ErrorClass.SCHEMA).value();
            points.add(new Point(c, n, ddl, schema, ddl > boundary(cost, n)));
        }
        return points;
    }

    static void render(Run run, Md md) {
        Optional<Stats.Line> fit = cost(run.configs);
        md.section("When SCHEMA appears: a threshold model", s -> {
            if (fit.isEmpty()) {
                s.para("Not measured in this run: the model needs the schema-reload study (method `" + Run.STALE_PREPARE_METHOD
                        + "` at two or more `" + Run.EXTRA_TABLES + "` values).");
                return;
            }
            Stats.Line cost = fit.get();
            List<Point> points = points(run.configs, cost);
            double maxTables = points.stream().mapToDouble(Point::extraTables).max().orElse(2000);
            // The cost grows a little faster than linearly, so the line can cross zero above an empty
            // schema; a negative "base cost" would read as a measurement.
            String base = cost.intercept() >= 0 ? Fmt.num(cost.intercept()) + " µs plus " : "about ";
            String interceptNote = cost.intercept() >= 0 ? ""
                    : "; its intercept, " + Fmt.num(cost.intercept()) + " µs, is a fit, not a cost: below "
                            + Fmt.num(-cost.intercept() / cost.slope()) + " extra tables the line gives no positive cost, "
                            + "and the model predicts no SCHEMA there";
            s.para(String.format(java.util.Locale.ROOT,
                    "A stale re-prepare costs %s%s ± %s µs per extra table (least squares over %d fork means, r² = %.2f%s). "
                            + "With %d automatic retries, one read can spin for %s ms at %s extra tables before SCHEMA reaches it. "
                            + "Model: SCHEMA appears once DDL commits arrive faster than one re-prepare, DDL/s > 1 / cost: "
                            + "above %s DDL/s at %s extra tables, above %s DDL/s at %s.",
                    base, Fmt.num(cost.slope()), Fmt.num(1.96 * cost.slopeError()), cost.points(),
                    cost.rSquare(), interceptNote, RETRIES, Fmt.num(RETRIES * cost.at(maxTables) / 1e3), Fmt.num(maxTables),
                    Fmt.num(boundary(cost, smallest(run))), Fmt.num(smallest(run)), Fmt.num(boundary(cost, maxTables)), Fmt.num(maxTables)));
            if (points.isEmpty()) {
                s.para("No churn results with a schema size in this run to hold the model against.");
                return;
            }
            s.image("SCHEMA share over extra tables and DDL/s", run.chart("threshold.png", chart(points, cost, smallest(run), maxTables)));
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
    private static double smallest(Run run) {
        return reloadPoints(run.configs).stream().mapToDouble(p -> p[0]).filter(x -> x > 0).min().orElse(1);
    }

    private static byte[] chart(List<Point> points, Stats.Line cost, double minTables, double maxTables) {
        Map<String, List<Point>> buckets = new LinkedHashMap<>();
        for (String b : List.of("no SCHEMA", "SCHEMA ≤ 1 %", "SCHEMA 1–50 %", "SCHEMA > 50 %")) {
            buckets.put(b, new ArrayList<>());
        }
        for (Point p : points) {
            String b = p.schemaShare() == 0 ? "no SCHEMA" : p.schemaShare() <= 0.01 ? "SCHEMA ≤ 1 %"
                    : p.schemaShare() <= 0.5 ? "SCHEMA 1–50 %" : "SCHEMA > 50 %";
            buckets.get(b).add(p);
        }
        List<Charts.Points> series = new ArrayList<>();
        buckets.forEach((name, list) -> series.add(new Charts.Points(name,
                list.stream().map(p -> p.extraTables() + 1).toList(),
                list.stream().map(p -> Math.max(p.ddlPerSecond(), 0.1)).toList(), false)));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (double n = Math.max(1, minTables + 1); n <= 2 * (maxTables + 1); n *= 1.25) {
            x.add(n);
            y.add(boundary(cost, n - 1));
        }
        series.add(new Charts.Points("predicted boundary: DDL/s = 1 / re-prepare cost", x, y, true));
        return Charts.phaseMap("SCHEMA share of operations: measured against the model", "extra tables + 1 (log)",
                "DDL commits per second (log)", series);
    }
}
