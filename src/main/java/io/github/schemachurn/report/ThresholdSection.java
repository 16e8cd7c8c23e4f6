package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.PrepareMode;

import io.github.schemachurn.sqlite.ErrorClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where does SCHEMA start? sqlite3_prepare_v2 re-prepares a stale statement up to {@link #RETRIES}
 * times, and each re-prepare reloads the whole schema. A DDL commit that lands during a re-prepare
 * invalidates it again; once commits arrive faster than one re-prepare takes, every retry is
 * invalidated and the step fails with SCHEMA. So the model: SCHEMA where DDL/s x re-prepare
 * cost(extra tables) > 1. The cost comes from the schema-reload study's sweep, which times a fresh
 * prepare and the stale cached statement at every schema size inside each fork: each fork gets
 * its own robust line (Theil-Sen) and its own reference, and the model is the median over forks.
 * It says where SCHEMA starts, not how much of it there is.
 */
public final class ThresholdSection {
    static final String STALE_PREPARE_METHOD = Run.STALE_PREPARE_METHOD;
    static final String STALE_CACHED_METHOD = Run.STALE_CACHED_METHOD;
    static final String SWEEP_METHOD = Run.SWEEP_METHOD;
    /** The sweep's counters: each iteration's schema size, and whether it was stale (else the fresh prepare). */
    static final String SWEEP_TABLES = "sweepExtraTables";
    static final String SWEEP_STALE = "sweepStale";
    static final String FRESH_METHOD = Run.FRESH_PREPARE_METHOD;
    /**
     * SQLITE_MAX_SCHEMA_RETRY of the SQLite bundled with sqlite-jdbc, which every JDBC reader uses:
     * SQLite's default, so not in {@code pragma compile_options}; SchemaRetryLimitTest measures it.
     */
    static final int RETRIES = 50;

    private ThresholdSection() {}

    /** One fork's line (µs by extra tables) and its fresh prepare (µs; NaN when not measured). */
    record ForkFit(Stats.Line line, double fresh) {
        double ratio() {
            return line.slope() / fresh;
        }
    }

    /**
     * The re-prepare cost: the median over forks of each fork's line.
     *
     * @param perFork whether each fork timed every size (the sweep); otherwise one line through the per-size medians
     * @param sizes   the distinct schema sizes timed
     */
    record Model(List<ForkFit> forks, boolean perFork, List<Double> sizes) {
        double slope() {
            return Stats.median(forks.stream().map(f -> f.line().slope()).toList());
        }

        double intercept() {
            return Stats.median(forks.stream().map(f -> f.line().intercept()).toList());
        }

        double at(double extraTables) {
            return intercept() + slope() * extraTables;
        }

        double fresh() {
            return Stats.median(forks.stream().map(ForkFit::fresh).toList());
        }

        /** The cost per extra table in units of the same fork's fresh prepare: what travels between runs. */
        double slopeInFreshPrepares() {
            return Stats.median(forks.stream().map(ForkFit::ratio).toList());
        }

        double minSlope() {
            return forks.stream().mapToDouble(f -> f.line().slope()).min().orElse(Double.NaN);
        }

        double maxSlope() {
            return forks.stream().mapToDouble(f -> f.line().slope()).max().orElse(Double.NaN);
        }
    }

    /** The fitted cost of one stale re-prepare, in microseconds, by extra tables. */
    static Optional<Model> cost(List<Result> configs) {
        return model(configs);
    }

    static Optional<Model> model(List<Result> configs) {
        List<ForkFit> fits = new ArrayList<>();
        java.util.SortedSet<Double> sizes = new java.util.TreeSet<>();
        for (Result c : configs) {
            Result r = c;
            if (!r.method().equals(SWEEP_METHOD) || !r.counters().containsKey(SWEEP_TABLES) || !r.counters().containsKey(SWEEP_STALE)) {
                continue;
            }
            Result.Metric m = r.metrics().get(r.method());
            for (int f = 0; f < m.forks().size(); f++) {
                List<double[]> points = new ArrayList<>();
                List<Double> fresh = new ArrayList<>();
                for (int i = 0; i < m.forks().get(f).size(); i++) {
                    double value = m.forks().get(f).get(i) * toMicros(m.unit());
                    double tables = r.counters().get(SWEEP_TABLES).get(f).get(i);
                    if (r.counters().get(SWEEP_STALE).get(f).get(i) > 0) {
                        points.add(new double[] {tables, value});
                        sizes.add(tables);
                    } else {
                        fresh.add(value);
                    }
                }
                if (points.stream().mapToDouble(p -> p[0]).distinct().count() >= 2) {
                    fits.add(new ForkFit(Stats.theilSen(points), fresh.isEmpty() ? Double.NaN : Stats.mean(fresh)));
                }
            }
        }
        if (!fits.isEmpty()) {
            return Optional.of(new Model(fits, true, List.copyOf(sizes)));
        }
        return perSize(configs);
    }

    /** Results that time one size per fork: one Theil-Sen line through the per-size medians of the fork means. */
    private static Optional<Model> perSize(List<Result> configs) {
        boolean cached = configs.stream().anyMatch(c -> c.method().equals(STALE_CACHED_METHOD));
        java.util.SortedMap<Double, List<Double>> bySize = new java.util.TreeMap<>();
        reloadPoints(configs, cached ? STALE_CACHED_METHOD : STALE_PREPARE_METHOD)
                .forEach(p -> bySize.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]));
        if (bySize.size() < 2) {
            return Optional.empty();
        }
        List<double[]> medians = new ArrayList<>();
        bySize.forEach((tables, values) -> medians.add(new double[] {tables, Stats.median(values)}));
        List<Double> fresh = reloadPoints(configs, FRESH_METHOD).stream().filter(p -> p[0] == 0).map(p -> p[1]).toList();
        return Optional.of(new Model(List.of(new ForkFit(Stats.theilSen(medians), fresh.isEmpty() ? Double.NaN : Stats.median(fresh))),
                false, List.copyOf(bySize.keySet())));
    }

    /** (extra tables, microseconds) per fork of a per-size timing method. */
    static List<double[]> reloadPoints(List<Result> configs, String method) {
        List<double[]> points = new ArrayList<>();
        for (Result r : configs) {
            String tables = r.params().get(Run.EXTRA_TABLES);
            if (r.method().equals(method) && tables != null) {
                Result.Metric m = r.metrics().get(r.method());
                m.forks().forEach(f -> points.add(new double[] {Double.parseDouble(tables), Stats.mean(f) * toMicros(m.unit())}));
            }
        }
        return points;
    }

    private static double toMicros(String unit) {
        return unit.startsWith("ms") ? 1e3 : unit.startsWith("ns") ? 1e-3 : unit.startsWith("s/") ? 1e6 : 1;
    }

    /** DDL commits per second above which the model predicts SCHEMA, at this many extra tables. */
    static double boundary(Model cost, double extraTables) {
        return boundary(cost.at(extraTables));
    }

    /** DDL commits per second above which the model predicts SCHEMA, for a re-prepare of this many microseconds. */
    public static double boundary(double reprepareMicros) {
        return 1e6 / Math.max(reprepareMicros, 1e-3);
    }

    /** A measured point of the phase map: a churn configuration with a schema size. */
    record Point(Result config, double extraTables, double ddlPerSecond, double schemaShare, boolean predicted) {}

    static List<Point> points(List<Result> configs, Model cost) {
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
        Optional<Model> fit = model(run.configs);
        md.section("Where SCHEMA starts: a threshold model", s -> {
            if (fit.isEmpty()) {
                s.para("Not measured in this run: the model needs the schema-reload study (method `" + SWEEP_METHOD
                        + "`, or `" + STALE_CACHED_METHOD + "` at two or more `" + Run.EXTRA_TABLES + "` values).");
                return;
            }
            Model cost = fit.get();
            List<Point> points = points(run.configs, cost);
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
                    ? "above " + Fmt.num(boundary(cost, minTables)) + " DDL/s at " + Fmt.num(minTables) + " extra tables, above "
                            + Fmt.num(boundary(cost, maxTables)) + " DDL/s at " + Fmt.num(maxTables)
                    : "above " + Fmt.num(boundary(cost, maxTables)) + " DDL/s at " + Fmt.num(maxTables) + " extra tables";
            s.para("A stale cached statement's re-prepare costs " + base + Fmt.num(cost.slope()) + " µs per extra table (" + how + ")."
                    + ratio + interceptNote + " With " + RETRIES + " automatic retries (SQLITE_MAX_SCHEMA_RETRY of the SQLite bundled "
                    + "with sqlite-jdbc, which every JDBC reader here uses; the system library behind the legacy-prepare rows allows "
                    + "its own, see the environment), one read can spin for " + Fmt.num(RETRIES * cost.at(maxTables) / 1e3) + " ms at "
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

    /** The SCHEMA share's buckets in the chart, each in its colour: from a cool grey-blue (none) to red (most operations fail). */
    private static final Map<String, java.awt.Color> SEVERITY = new LinkedHashMap<>();

    static {
        SEVERITY.put("no SCHEMA", new java.awt.Color(0x6b8fb3));
        SEVERITY.put("SCHEMA ≤ 1 %", new java.awt.Color(0xe8c547));
        SEVERITY.put("SCHEMA 1–50 %", new java.awt.Color(0xf28e2b));
        SEVERITY.put("SCHEMA > 50 %", new java.awt.Color(0xc8102e));
    }

    private static byte[] chart(List<Point> points, Model cost, double minTables, double maxTables) {
        Map<String, List<Point>> buckets = new LinkedHashMap<>();
        for (String b : SEVERITY.keySet()) {
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
                list.stream().map(p -> Math.max(p.ddlPerSecond(), 0.1)).toList(), false, SEVERITY.get(name))));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (double n = Math.max(1, minTables + 1); n <= 2 * (maxTables + 1); n *= 1.25) {
            x.add(n);
            y.add(boundary(cost, n - 1));
        }
        series.add(new Charts.Points("predicted boundary: DDL/s = 1 / re-prepare cost", x, y, true, java.awt.Color.BLACK));
        return Charts.phaseMap("SCHEMA share of operations: measured against the model", "extra tables + 1 (log)",
                "DDL commits per second (log)", series);
    }
}
