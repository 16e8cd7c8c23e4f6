package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.PrepareMode;
import java.util.ArrayList;
import java.util.List;
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
public final class Threshold {
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

    private Threshold() {}

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
}
