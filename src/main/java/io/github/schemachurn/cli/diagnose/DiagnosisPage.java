package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.report.DecisionRule;
import io.github.schemachurn.report.Estimate;
import io.github.schemachurn.report.Fmt;
import io.github.schemachurn.report.JmhJson;
import io.github.schemachurn.report.Md;
import io.github.schemachurn.report.Result;
import io.github.schemachurn.report.Role;
import io.github.schemachurn.report.Run;
import io.github.schemachurn.report.Threshold;
import io.github.schemachurn.report.chart.SharesChart;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The answer for the user's database, {@code DIR/diagnosis.md}, from the diagnosis's JMH results,
 * read, pooled and judged by the report's own code: the same decision table and statistical rules
 * as benchmarks.md ({@link DecisionRule}), in the user's terms, with the outcome chart.
 */
final class DiagnosisPage {
    static final String CHART = "outcomes.png";

    /** The page's markdown, the chart, and the console summary. */
    record Page(String markdown, byte[] chart, List<String> summary) {}

    private DiagnosisPage() {}

    static Page render(Preflight.Checked input, Plan plan, String command, String file, List<Path> results) {
        List<Result> configs = JmhJson.read(results, "");
        Run run = new Run(configs, Optional.empty(), "");
        List<Result> migration = configs.stream().filter(c -> c.benchmarkClass().equals(Run.DIAGNOSE_BENCHMARK)).toList();
        Optional<Estimate> stale = median(results, Run.STALE_PREPARE_METHOD);
        Optional<Double> threshold = stale.map(e -> Threshold.boundary(e.value()));
        String query = "`" + Preflight.abbreviate(input.diagnosis().query()) + "`";

        List<String> summary = new ArrayList<>();
        Profile p = input.profile();
        summary.add("schema: " + p.tables() + " tables, " + p.indexes() + " indexes, " + p.triggers() + " triggers, " + p.views()
                + " views, journal mode " + p.journalMode());
        stale.ifPresent(e -> summary.add("one stale re-prepare of " + query + " costs " + e.text() + " µs (median per round): "
                + "SQLITE_SCHEMA can start above about " + Fmt.num(threshold.orElseThrow()) + " schema changes per second"));
        summary.addAll(findings(migration, query));

        Md md = new Md(1);
        md.heading("Diagnosis of " + file);
        if (plan.quick()) {
            md.para("**Rough answer (`--quick`)**: one rate, " + plan.rounds() + " forks of " + plan.iterations()
                    + " short iteration(s) each, on a machine that may be busy. Run without `--quick` (about 5 minutes) before acting on it.");
        }
        md.para("Reproduce: `" + command + "`");
        md.section("Answer", s -> {
            Md.Table table = new Md.Table("if your workload is", "do", "because");
            for (DecisionRule.Row row : rows(run, plan)) {
                table = table.with(row.workload(), row.advice(), row.because());
            }
            if (!table.rows().isEmpty()) {
                s.para(DecisionRule.text(run) + " " + DecisionRule.poolingText());
                s.table(table);
            }
            s.bullets(summary);
            s.bullets(input.notes());
        });
        md.section("Your schema", s -> s.table(new Md.Table("tables", "indexes (automatic)", "triggers", "views", "schema text",
                "pages", "journal mode").with(String.valueOf(p.tables()), p.indexes() + " (" + p.automaticIndexes() + ")",
                String.valueOf(p.triggers()), String.valueOf(p.views()), Fmt.count(p.schemaBytes()) + " bytes",
                Fmt.count(p.pages()) + " × " + p.pageSize() + " bytes", p.journalMode())));
        md.section("Your query on this schema", s -> {
            Md.Table filled = new Md.Table("call", "µs, median per round", "what it is");
            for (String method : plan.reloadMethods()) {
                Optional<Estimate> e = median(results, method);
                if (e.isPresent()) {
                    filled = filled.with(method, e.get().text(), RELOAD_CALLS.get(method));
                }
            }
            s.para("The measurement of SchemaReloadBenchmark on a copy of your file, with your query and arguments: before each "
                    + "stale call another connection commits one schema change, so the call reloads your whole schema.");
            s.table(filled);
            threshold.ifPresent(t -> s.para("Threshold model (benchmarks.md): readers that reuse a statement can meet SQLITE_SCHEMA "
                    + "once schema changes commit faster than one re-prepare, so above about **" + Fmt.num(t)
                    + " schema changes per second** on this schema (1 / " + stale.orElseThrow().text() + " µs). Below it, SQLite's "
                    + "automatic re-prepare (up to 50 tries) hides each change; readers still pay one reload per change."));
        });
        byte[] chart = chart(migration);
        md.section("Readers during your migration", s -> {
            s.para(input.diagnosis().alternates()
                    ? "Your migration and its rollback alternate on a copy of your file at each rate (" + Params.UNPACED + ": back to back, a "
                            + "stress setting), while one reader runs " + query + " in a loop through each reader strategy, "
                            + "busy timeout 3000 ms (sqlite-jdbc's default), no application retry."
                    : "Your migration is applied once, a third of the way into each iteration, to a fresh copy of your file, while "
                            + "one reader runs " + query + " in a loop through each reader strategy, busy timeout 3000 ms "
                            + "(sqlite-jdbc's default), no application retry.");
            s.table(table(migration, input.diagnosis().alternates()));
            if (chart != null) {
                s.image("share of reads per outcome", CHART);
            }
        });
        md.section("How this was measured", s -> s.bullets(List.of(
                "JMH, " + plan.rounds() + " rounds; each round runs one fork of every configuration, so compared options "
                        + "see the same minutes of the machine; " + plan.warmups() + " warmup iteration(s) of " + plan.warmupTime()
                        + " and " + plan.iterations() + " measured iteration(s) of " + plan.iterationTime() + " per fork.",
                "Only JMH's measured window is counted; rates are totals over measured time; every failure is classified "
                        + "by SQLite's extended result code.",
                "Your file was opened read-only and copied once (VACUUM INTO); every trial works on its own copy, "
                        + "checked at the end (integrity_check, and the schema the acknowledged migration steps left).",
                "SQLite " + input.sqliteVersion() + " (sqlite-jdbc's bundled library), " + Runtime.getRuntime().availableProcessors()
                        + " CPUs.")));
        return new Page(md.toString(), chart, summary);
    }

    private static final Map<String, String> RELOAD_CALLS = Map.of(
            Run.FRESH_PREPARE_METHOD, "prepare, execute, close; schema unchanged (the baseline)",
            Run.STALE_PREPARE_METHOD, "the same after a schema change: what a reader preparing per call pays per change",
            Run.STALE_CACHED_METHOD, "a cached statement executed after a schema change (sqlite3_step re-prepares it)");

    private static List<DecisionRule.Row> rows(Run run, Plan plan) {
        List<DecisionRule.Row> rows = new ArrayList<>();
        for (var journal : plan.journals()) {
            Predicate<Result> in = c -> journal.name().equals(c.param(Run.JOURNAL)) && c.benchmarkClass().equals(Run.DIAGNOSE_BENCHMARK);
            DecisionRule.decide(run, Run.READER, in, journal + ": how to run your query during the migration").ifPresent(rows::add);
        }
        if (plan.journals().size() > 1) {
            DecisionRule.decide(run, Run.JOURNAL, c -> c.benchmarkClass().equals(Run.DIAGNOSE_BENCHMARK),
                    "which journal mode during the migration").ifPresent(rows::add);
        }
        return rows;
    }

    /** One line per journal and rate, in the user's terms: what the readers met under each strategy. */
    private static List<String> findings(List<Result> migration, String query) {
        Map<String, List<Result>> byJournalAndRate = new LinkedHashMap<>();
        migration.forEach(c -> byJournalAndRate.computeIfAbsent(c.param(Run.JOURNAL) + " " + c.param(Run.DDL_PER_SECOND), k -> new ArrayList<>()).add(c));
        List<String> lines = new ArrayList<>();
        byJournalAndRate.forEach((key, configs) -> {
            Result first = configs.get(0);
            String when = rateText(first.param(Run.DDL_PER_SECOND)) + ", " + first.param(Run.JOURNAL);
            List<String> parts = new ArrayList<>();
            for (Result c : configs) {
                Role op = c.op().orElseThrow();
                Estimate failed = op.failedShare();
                parts.add(failed.value() == 0 ? "under " + c.param(Run.READER) + " none failed"
                        : "under " + c.param(Run.READER) + " " + failed.percent() + " failed" + mostly(op));
            }
            lines.add("during your migration (" + when + "), of the reads of " + query + ": " + String.join("; ", parts)
                    + "; longest stall " + Fmt.num(configs.stream().mapToDouble(DiagnosisPage::longestStallMs).max().orElse(0)) + " ms");
        });
        return lines;
    }

    private static String mostly(Role op) {
        ErrorClass worst = null;
        for (ErrorClass e : ErrorClass.values()) {
            if (worst == null || op.share(e).value() > op.share(worst).value()) {
                worst = e;
            }
        }
        return " (mostly " + sqliteName(worst) + ")";
    }

    private static String sqliteName(ErrorClass e) {
        return switch (e) {
            case SCHEMA -> "SQLITE_SCHEMA";
            case BUSY -> "SQLITE_BUSY";
            case BUSY_SNAPSHOT -> "SQLITE_BUSY_SNAPSHOT";
            case LOCKED -> "SQLITE_LOCKED";
            case NO_SUCH_TABLE -> "no such table";
            case DEAD_STATEMENT -> "a statement the driver had finalized";
            case STALE_COLUMNS -> "stale columns";
            case OTHER -> "other errors";
        };
    }

    private static String rateText(String rate) {
        return rate.equals(Params.ONCE) ? "applied once"
                : rate.equals(Params.UNPACED) ? "up and down back to back, stress" : rate + " steps/s";
    }

    private static Md.Table table(List<Result> migration, boolean alternates) {
        Md.Table table = new Md.Table(Run.JOURNAL, "migration", Run.READER, "reads ok/s", "failed", "failures by class",
                "longest stall", alternates ? "migration steps/s done" : "reads back after");
        for (Result c : migration) {
            Role op = c.op().orElseThrow();
            List<String> classes = new ArrayList<>();
            for (ErrorClass e : ErrorClass.values()) {
                if (op.share(e).value() > 0) {
                    classes.add(e + " " + op.share(e).percent());
                }
            }
            table = table.with(c.param(Run.JOURNAL), rateText(c.param(Run.DDL_PER_SECOND)), c.param(Run.READER), op.rate().text(),
                    op.failedShare().percent(), classes.isEmpty() ? "none" : String.join(", ", classes),
                    Fmt.num(longestStallMs(c)) + " ms", alternates ? c.ddl().map(d -> d.rate().text()).orElse("–") : recovery(c));
        }
        return table;
    }

    private static double longestStallMs(Result c) {
        return values(c, CounterNames.STALL_LONGEST_MICROS).stream().mapToDouble(Double::doubleValue).max().orElse(0) / 1e3;
    }

    /** The median time from the migration's start until reads were answered again, over the iterations it landed in. */
    private static String recovery(Result c) {
        List<Double> landed = values(c, CounterNames.STALL_RECOVERY_MICROS).stream().filter(v -> v > 0).sorted().toList();
        return landed.isEmpty() ? "–" : Fmt.num(landed.get(landed.size() / 2) / 1e3) + " ms (median of " + landed.size() + ")";
    }

    private static List<Double> values(Result r, String counter) {
        return r.counters().getOrDefault(counter, List.of()).stream().flatMap(List::stream).toList();
    }

    /** The median of a reload timing per round (JMH's p50 over the round's fork), and their spread. */
    private static Optional<Estimate> median(List<Path> results, String method) {
        List<Double> medians = new ArrayList<>();
        for (Path file : results) {
            for (Result r : JmhJson.readFile(file)) {
                if (r.benchmarkClass().equals(Run.DIAGNOSE_RELOAD_BENCHMARK) && r.method().equals(method) && r.metrics().get(method).percentiles().containsKey("50.0")) {
                    medians.add(r.metrics().get(method).percentiles().get("50.0"));
                }
            }
        }
        return medians.isEmpty() ? Optional.empty() : Optional.of(Estimate.of(medians, false));
    }

    private static byte[] chart(List<Result> migration) {
        if (migration.isEmpty()) {
            return null;
        }
        List<String> categories = new ArrayList<>();
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        shares.put("ok", new ArrayList<>());
        for (ErrorClass e : ErrorClass.values()) {
            if (migration.stream().anyMatch(c -> c.op().orElseThrow().share(e).value() > 0)) {
                shares.put(e.name(), new ArrayList<>());
            }
        }
        for (Result c : migration) {
            Role op = c.op().orElseThrow();
            categories.add(c.param(Run.JOURNAL) + " " + c.param(Run.DDL_PER_SECOND) + " " + c.param(Run.READER));
            shares.get("ok").add(100 * (1 - op.failedShare().value()));
            for (ErrorClass e : ErrorClass.values()) {
                if (shares.containsKey(e.name())) {
                    shares.get(e.name()).add(100 * op.share(e).value());
                }
            }
        }
        return SharesChart.png("Reads during your migration, by outcome", "journal, migration steps/s, reader", categories, shares);
    }
}
