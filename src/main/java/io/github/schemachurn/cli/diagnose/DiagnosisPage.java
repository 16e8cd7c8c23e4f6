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
import io.github.schemachurn.sqlite.NativeSqlite;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.diagnosis.MigratedCopy;
import java.nio.file.Path;
import io.github.schemachurn.sqlite.JournalMode;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** @param readme the suite's README.md as a link from the page's directory */
    static Page render(Preflight.Checked input, Plan plan, String command, String file, List<Path> results, String readme) {
        List<Result> configs = JmhJson.read(results, "");
        Run run = new Run(configs, Optional.empty(), "");
        List<Result> migration = configs.stream().filter(c -> c.benchmarkClass().equals(Run.DIAGNOSE_BENCHMARK))
                .sorted(inPlanOrder(plan)).toList();
        Optional<Estimate> stale = median(results, Run.STALE_PREPARE_METHOD);
        Optional<Double> threshold = stale.map(e -> Threshold.boundary(e.value()));
        String query = "`" + Preflight.abbreviate(input.diagnosis().query()) + "`";
        boolean alternates = input.diagnosis().alternates();
        boolean writes = input.diagnosis().writes();
        List<String> verdict = Verdict.paragraphs(migration, alternates, writes);
        String drivers = drivers(input, plan, readme);

        List<String> summary = new ArrayList<>(verdict.stream().map(v -> v.replace("**", "").replace("`", "")).toList());
        summary.add(drivers.replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1"));
        Profile p = input.profile();
        stale.ifPresent(e -> summary.add("one stale re-prepare of " + query + " costs " + e.text() + " µs (median per round): "
                + "SQLITE_SCHEMA can start above about " + Fmt.num(threshold.orElseThrow()) + " schema changes per second"));

        Md md = new Md(1);
        md.heading("Diagnosis of " + file);
        if (plan.quick()) {
            md.para("**Rough answer (`--quick`)**: one rate, " + plan.rounds() + " forks of " + plan.iterations()
                    + " short iteration(s) each, on a machine that may be busy. Run without `--quick` (about 5 minutes) before acting on it.");
        }
        verdict.forEach(md::para);
        md.para(drivers);
        md.table(readersTable(migration, alternates));
        if (writes) {
            md.table(writersTable(migration));
        }
        md.bullets(input.notes());
        md.para("Reproduce: `" + command + "`");
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
        md.section("Readers and writers during your migration", s -> {
            s.para((alternates
                    ? "Your migration and its rollback alternate on a copy of your file at each rate (" + Params.UNPACED + ": back to back, a "
                            + "stress setting), "
                    : "Your migration is applied once, a third of the way into each iteration, to a fresh copy of your file, ")
                    + "each step one BEGIN IMMEDIATE … COMMIT transaction, while one reader runs " + query + " in a loop through "
                    + "each reader strategy, with no application retry"
                    + (writes ? ", and one writer runs `" + Preflight.abbreviate(input.diagnosis().write()) + "` "
                            + MigratedCopy.WRITES_PER_SECOND + " times a second on a connection of its own." : "."));
            s.bullets(List.of(
                    "cached statement (CACHED): prepared once and reused, as a driver's statement cache does; after a schema "
                            + "change SQLite re-prepares it inside the next step.",
                    "prepare per call (PER_CALL): prepared, run and closed on every read.",
                    "snapshot lease (SNAPSHOT_LEASE, WAL only): the cached statement inside a read transaction kept open across reads "
                            + "for up to " + Fmt.num(ReaderStrategy.SNAPSHOT_LEASE.stalenessMillis()) + " ms, so it reloads "
                            + "the schema at most once per lease, and a read may return data that old.",
                    "longest stall: the longest time without a successful read; longest write: the longest single write call "
                            + "(busy waits included); write lock held: from BEGIN IMMEDIATE's return to COMMIT's, per committed step."));
            if (chart != null) {
                s.image("share of reads per outcome", CHART);
            }
        });
        md.section("What a legacy driver would meet", s -> legacySection(s, migration, plan, query));
        md.section("How this was measured", s -> s.bullets(List.of(
                "JMH, " + plan.rounds() + " rounds; each round runs one fork of every configuration, so compared options "
                        + "see the same minutes of the machine; " + plan.warmups() + " warmup iteration(s) of " + plan.warmupTime()
                        + " and " + plan.iterations() + " measured iteration(s) of " + plan.iterationTime() + " per fork.",
                "Only JMH's measured window is counted; rates are totals over measured time; every failure is classified "
                        + "by SQLite's extended result code.",
                "Your file was opened read-only and copied once (VACUUM INTO, one read transaction: consistent even while "
                        + "another process writes it, and never blocking a WAL database's writers); every trial works on its own copy, "
                        + "checked at the end (integrity_check, and the schema the acknowledged migration steps left).",
                "SQLite " + input.sqliteVersion() + " (sqlite-jdbc's bundled library), " + Runtime.getRuntime().availableProcessors()
                        + " CPUs.")));
        md.section("How verdicts are decided", s -> {
            s.para("A verdict above says \"safe for readers\" when no read failed under any reader strategy measured; it gives "
                    + "the longest stall either way, since a read that waits is not a failure. The table below compares the "
                    + "options within rounds. " + DecisionRule.text(run) + " " + DecisionRule.poolingText());
            Md.Table table = new Md.Table("if your workload is", "do", "because");
            for (DecisionRule.Row row : rows(run, plan)) {
                table = table.with(row.workload(), row.advice(), row.because());
            }
            if (!table.rows().isEmpty()) {
                s.table(table);
            }
        });
        return new Page(md.toString(), chart, summary);
    }

    /**
     * The user's query prepared once with the legacy {@code sqlite3_prepare} on the system library
     * during the same migration, beside the prepare_v2 readers of the same journal mode and rate.
     */
    private static void legacySection(Md s, List<Result> migration, Plan plan, String query) {
        if (!plan.legacy()) {
            s.para("Not measured: the system SQLite library (" + "libsqlite3.so.0, Debian's libsqlite3-0) is not installed here.");
            return;
        }
        s.para("Drivers that prepare with the legacy `sqlite3_prepare` (" + Verdict.LEGACY_DRIVERS + ") get SQLITE_SCHEMA (code 17) "
                + "on the first step of a statement after any schema change, where `sqlite3_prepare_v2` re-prepares it by itself. "
                + "Row " + MigratedCopy.LEGACY_PREPARE + ": your query " + query + " prepared once with that call on the system SQLite "
                + "library " + NativeSqlite.version() + " and reused (prepared again after a failure, as such an application does), "
                + "busy timeout 3000 ms, during the same migration, with every connection of that trial on that library (two "
                + "copies of SQLite must never have one file open at once), so without a writer.");
        Md.Table table = new Md.Table(Run.JOURNAL, "migration", "reads ok/s", "failed", "SQLITE_SCHEMA (17)",
                "code 17 per migration step", "prepare_v2 cached statement: failed");
        for (Map.Entry<String, List<Result>> group : Verdict.byJournalAndRate(migration).entrySet()) {
            for (Result c : group.getValue().stream().filter(Verdict::legacy).toList()) {
                Role op = c.op().orElseThrow();
                long steps = Verdict.total(c, CounterNames.DDL + CounterNames.OK);
                long schema = Verdict.total(c, CounterNames.failure(CounterNames.OPERATION, ErrorClass.SCHEMA));
                String v2 = group.getValue().stream().filter(r -> ReaderStrategy.CACHED.name().equals(r.param(Run.READER))).findFirst()
                        .map(r -> r.op().orElseThrow().failedShare().percent()).orElse("–");
                table = table.with(c.param(Run.JOURNAL), Verdict.rateText(c.param(Run.DDL_PER_SECOND)), op.rate().text(),
                        op.failedShare().percent(), op.share(ErrorClass.SCHEMA).percent(),
                        steps == 0 ? "–" : Fmt.num((double) schema / steps), v2);
            }
        }
        s.table(table);
    }

    /** By journal mode, rate and reader, each in the plan's order (the rounds ran them in random orders). */
    private static Comparator<Result> inPlanOrder(Plan plan) {
        List<String> journals = plan.journals().stream().map(Enum::name).toList();
        return Comparator.<Result>comparingInt(c -> journals.indexOf(c.param(Run.JOURNAL)))
                .thenComparingInt(c -> plan.rates().indexOf(c.param(Run.DDL_PER_SECOND)))
                .thenComparingInt(c -> plan.readers(JournalMode.valueOf(c.param(Run.JOURNAL))).indexOf(c.param(Run.READER)));
    }

    /** The drivers and timeouts every row was measured with, and where another driver's row is. */
    private static String drivers(Preflight.Checked input, Plan plan, String readme) {
        return "Measured with sqlite-jdbc " + input.driverVersion() + " (its bundled SQLite " + input.sqliteVersion()
                + "): every statement prepared with `sqlite3_prepare_v2`, busy timeout 3000 ms (the driver's default), no "
                + "application retry" + (plan.legacy() ? "; the legacy sentences and rows with the system library's SQLite "
                + NativeSqlite.version() + ", `sqlite3_prepare`, busy timeout 3000 ms" : "") + ". Another driver meets the same when it prepares with `sqlite3_prepare_v2` too; a longer "
                + "busy timeout turns SQLITE_BUSY into longer stalls, a shorter one into failures. Find yours in the "
                + "[drivers table](" + readme + DRIVERS_ANCHOR + ") of this suite's README.md.";
    }

    /** The anchor of the README's table of which driver uses which prepare call and busy timeout. */
    static final String DRIVERS_ANCHOR = "#which-row-is-yours-drivers";

    private static final Map<String, String> RELOAD_CALLS = Map.of(
            Run.FRESH_PREPARE_METHOD, "prepare, execute, close; schema unchanged (the baseline)",
            Run.STALE_PREPARE_METHOD, "the same after a schema change: what a reader preparing per call pays per change",
            Run.STALE_CACHED_METHOD, "a cached statement executed after a schema change (sqlite3_step re-prepares it)");

    private static List<DecisionRule.Row> rows(Run run, Plan plan) {
        List<DecisionRule.Row> rows = new ArrayList<>();
        for (var journal : plan.journals()) {
            Predicate<Result> in = c -> journal.name().equals(c.param(Run.JOURNAL)) && c.benchmarkClass().equals(Run.DIAGNOSE_BENCHMARK)
                    && !Verdict.legacy(c);
            DecisionRule.decide(run, Run.READER, in, journal + ": how to run your query during the migration").ifPresent(rows::add);
        }
        if (plan.journals().size() > 1) {
            DecisionRule.decide(run, Run.JOURNAL, c -> c.benchmarkClass().equals(Run.DIAGNOSE_BENCHMARK) && !Verdict.legacy(c),
                    "which journal mode during the migration").ifPresent(rows::add);
        }
        return rows;
    }

    private static Md.Table readersTable(List<Result> migration, boolean alternates) {
        Md.Table table = new Md.Table(Run.JOURNAL, "migration", Run.READER, "reads ok/s", "failed", "failures by class",
                "longest stall", alternates ? "migration steps/s done" : "reads back after", "write lock held per step");
        for (Result c : migration.stream().filter(c -> !Verdict.legacy(c)).toList()) {
            Role op = c.op().orElseThrow();
            table = table.with(c.param(Run.JOURNAL), Verdict.rateText(c.param(Run.DDL_PER_SECOND)), c.param(Run.READER),
                    op.rate().text(), op.failedShare().percent(), byClass(op), Verdict.ms(Verdict.max(c, CounterNames.STALL_LONGEST_MICROS)),
                    alternates ? c.ddl().map(d -> d.rate().text()).orElse("–") : recovery(c),
                    Verdict.lockHoldText(List.of(c)).orElse("–"));
        }
        return table;
    }

    private static Md.Table writersTable(List<Result> migration) {
        Md.Table table = new Md.Table(Run.JOURNAL, "migration", "beside reader", "writes ok/s", "failed", "failures by class",
                "longest write");
        for (Result c : migration.stream().filter(c -> !Verdict.legacy(c)).toList()) {
            Optional<Role> write = Role.of(c, CounterNames.WRITE);
            if (write.isPresent()) {
                table = table.with(c.param(Run.JOURNAL), Verdict.rateText(c.param(Run.DDL_PER_SECOND)), c.param(Run.READER),
                        write.get().rate().text(), write.get().failedShare().percent(), byClass(write.get()),
                        Verdict.ms(Verdict.max(c, CounterNames.STALL_WRITE_LONGEST_MICROS)));
            }
        }
        return table;
    }

    /** The failures by class as shares of all attempts, most first; "none" if none failed. */
    private static String byClass(Role role) {
        List<String> classes = Role.failuresByClass(List.of(role)).keySet().stream()
                .map(e -> e + " " + role.share(e).percent()).toList();
        return classes.isEmpty() ? "none" : String.join(", ", classes);
    }

    /** The median time from the migration's start until reads were answered again, over the iterations it landed in. */
    private static String recovery(Result c) {
        List<Double> landed = Verdict.values(c, CounterNames.STALL_RECOVERY_MICROS).stream().filter(v -> v > 0).sorted().toList();
        return landed.isEmpty() ? "–" : Verdict.ms(landed.get(landed.size() / 2)) + " (median of " + landed.size() + ")";
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
