package io.github.schemachurn.report;

import io.github.schemachurn.report.chart.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a section reads (the configurations, the environment if recorded) and where it puts
 * its charts. Sections add charts by file name; the markdown links them through {@link #link}.
 */
public final class Run {
    /**
     * Param names the report knows the role of: the benchmarks' API, not strategy names.
     * BenchmarkNamesTest fails when one of these, or of the class and method names below, leaves the benchmarks.
     */
    public static final String JOURNAL = "journal";
    static final String DDL = "ddl";
    public static final String READER = "reader";
    static final String RETRY = "retry";
    static final String BUSY_TIMEOUT = "busyTimeout";
    static final String EXTRA_TABLES = "extraTables";
    static final String PREPARE = "prepare";
    static final String CHANGE = "change";
    /** A paced churner's target rate (PacedChurnBenchmark), or UNPACED. */
    public static final String DDL_PER_SECOND = "ddlPerSecond";
    /** The seed scenario's paced registrations, one CREATE TABLE each. */
    static final String REGISTRATIONS_PER_SECOND = "registrationsPerSecond";
    /** The diagnose benchmarks' case file, written by {@code diagnose}. */
    public static final String DIAGNOSIS = "diagnosis";
    static final List<String> PARAMS = List.of(JOURNAL, DDL, READER, RETRY, BUSY_TIMEOUT, EXTRA_TABLES, PREPARE, CHANGE,
            DDL_PER_SECOND, REGISTRATIONS_PER_SECOND, DIAGNOSIS);

    /** The benchmark classes {@code diagnose} runs and reads: the readers during the migration, and the query's re-prepare cost. */
    public static final String DIAGNOSE_BENCHMARK = "DiagnoseBenchmark";
    public static final String DIAGNOSE_RELOAD_BENCHMARK = "DiagnoseReloadBenchmark";
    static final List<String> BENCHMARKS = List.of(DIAGNOSE_BENCHMARK, DIAGNOSE_RELOAD_BENCHMARK);

    /** A group method whose name starts with this is the schema changer ({@code ddl}); the others the measured operation. */
    static final String CHURNER_METHOD = "churner";
    /** The re-prepare after a schema change, timed over schema sizes: the threshold model's cost. */
    public static final String STALE_PREPARE_METHOD = "stalePrepare";
    /** The fresh prepare of the point query: the environment's machine-speed row. */
    public static final String FRESH_PREPARE_METHOD = "freshPrepare";
    /** The same for a cached statement re-prepared by sqlite3_step: the cached reader's cost. */
    public static final String STALE_CACHED_METHOD = "staleCached";
    /** The fresh prepare and every schema size timed in each fork, each iteration's level in two counters (sweepExtraTables, sweepStale). */
    static final String SWEEP_METHOD = "sweep";
    /** The point query on a cached statement in plain JDBC, and the same through the churn benchmarks' reader session: the harness's own cost. */
    static final String BARE_CACHED_METHOD = "bareCached";
    static final String LAYERED_CACHED_METHOD = "layeredCached";
    static final List<String> METHODS = List.of(CHURNER_METHOD, STALE_PREPARE_METHOD, FRESH_PREPARE_METHOD, STALE_CACHED_METHOD, SWEEP_METHOD,
            BARE_CACHED_METHOD, LAYERED_CACHED_METHOD);

    /**
     * Every chart's file name: a study's {@code <Class>Benchmark-<option>-<n>.png}, an answer row's
     * {@code answer-<workload>-<n>.png} ({@link ComparisonCharts}), or the threshold chart. The generator removes files so named that a generation did not write.
     */
    static final Pattern CHART_NAME = Pattern.compile("\\w+Benchmark-[\\w-]+\\.png|answer-[a-z0-9-]+\\.png|threshold\\.png");

    final List<Result> configs;
    /** The A/A controls' second runs (see {@link NoiseFloor}), kept out of {@link #configs}. */
    final List<Result> twins;
    final Optional<Environment> environment;
    private final String chartLinkPrefix;
    final Map<String, byte[]> charts = new LinkedHashMap<>();
    /** The comparison charts' layouts by file name, for the rendering check. */
    final Map<String, Figure> figures = new LinkedHashMap<>();

    public Run(List<Result> configs, Optional<Environment> environment, String chartLinkPrefix) {
        this(configs, List.of(), environment, chartLinkPrefix);
    }

    public Run(List<Result> configs, List<Result> twins, Optional<Environment> environment, String chartLinkPrefix) {
        this.configs = List.copyOf(configs);
        this.twins = List.copyOf(twins);
        this.environment = environment;
        this.chartLinkPrefix = chartLinkPrefix;
    }

    /** Adds a chart (if any) and returns the markdown image line's link. */
    String chart(String name, byte[] png) {
        if (!CHART_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("chart name " + name + " is not in Run.CHART_NAME");
        }
        charts.put(name, png);
        return link(name);
    }

    /** The markdown link of a chart added before. */
    String link(String name) {
        return chartLinkPrefix + name;
    }

    /** The run's noise floor, from its A/A controls. */
    NoiseFloor noise() {
        return NoiseFloor.of(configs, twins);
    }

    /** The distinct values of a param in order of first appearance. */
    List<String> values(String param) {
        return configs.stream().map(c -> c.param(param)).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
