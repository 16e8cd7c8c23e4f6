package io.github.schemachurn.report;

import io.github.schemachurn.report.DecisionRule.Example;
import io.github.schemachurn.report.DecisionRule.Row;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.PrepareMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The top of every report, for a reader with one minute: numbered findings, each with its number
 * and a link to its evidence; the realistic answer as one compact table (A vs B, both rates, the
 * change with {@code ~} where it is noise, both failure shares, what to do); the seed's claim as a
 * small table with the advice in words; where things break under stress. Everything is computed
 * from the run; a finding the run has no data for says so. The evidence is in the sections below
 * ({@link AnswerSection} and on), the rule in {@link DecisionRule}.
 */
final class FirstScreen {
    /** PHP's PDO SQLite switched from sqlite3_prepare to sqlite3_prepare_v2 in this release (php-src 7b8b2e50, NEWS of 7.2.0). */
    static final String PDO_V2_RELEASE = "7.2.0";
    static final String LEGACY = PrepareMode.LEGACY.name();
    private static final String CACHED = io.github.schemachurn.sqlite.ReaderStrategy.CACHED.name();
    private static final String AUTOCOMMIT = io.github.schemachurn.sqlite.DdlStrategy.AUTOCOMMIT.name();
    /** The seed's site with pages served by worker processes, as PHP served it; the other is the in-process variant. */
    static final String SERVED = "worker processes";
    static final String DETAIL_ANCHOR = "#answer-in-detail";
    static final String SEED_ANCHOR = "#the-seeds-claim";
    static final String METHOD_ANCHOR = "#how-verdicts-are-decided";
    static final String THRESHOLD_ANCHOR = "#where-schema-starts-a-threshold-model";
    /** A cell a reader scans: longer ones are cut at a word with "…" (the full text is in the detail below). */
    static final int MAX_CELL = 110;

    /**
     * Which rows apply to which driver: facts read from each driver's source (the README's drivers
     * table cites them), not measured here.
     */
    static String yourDriver(String readme) {
        return "**Your driver:** PHP's PDO before " + PDO_V2_RELEASE + " prepares with the legacy call: the seed's rows. "
                + "sqlite-jdbc, PHP's PDO from " + PDO_V2_RELEASE + ", Python's `sqlite3`, better-sqlite3, mattn/go-sqlite3, rusqlite and "
                + "Microsoft.Data.Sqlite use `prepare_v2`/`_v3` with a busy timeout: the realistic rows. PHP's `SQLite3` class and "
                + "modernc.org/sqlite set no busy timeout: the stress rows, unless you set one. [Drivers and sources](" + readme
                + "#which-row-is-yours-drivers).";
    }

    private FirstScreen() {}

    static void render(Run run, Optional<Run> replicate, String readme, Md md) {
        md.para(lead(run, replicate));
        md.section("Answer", s -> {
            List<Row> realistic = AnswerSection.rows(run, true);
            List<Row> stress = AnswerSection.rows(run, false);
            List<SeedClaim.Site> sites = SeedClaim.siteTable(run);
            List<WindowModel.Figures> site = WindowModel.of(run.configs);
            s.para(findings(run, realistic, sites, site, readme));
            s.para(yourDriver(readme));
            s.section("Realistic: a driver's busy timeout, DDL paced at most "
                    + Fmt.num(Regime.REALISTIC_MAX_DDL_PER_SECOND) + "/s", t -> realisticTable(run, realistic, t));
            s.section("The seed's claim", t -> seedTable(sites, site, readme, t));
            s.section("Stress: where it breaks (busy timeout 0, unpaced or fast DDL)", t -> stressTable(stress, t));
            s.para("[Every row's evidence](" + DETAIL_ANCHOR + ") · [how verdicts are decided](" + METHOD_ANCHOR + ") · [threshold model]("
                    + THRESHOLD_ANCHOR + ") · [studies](#studies-findings-then-evidence) · [environment](#environment) · [which driver is "
                    + "yours](" + readme + "#which-row-is-yours-drivers)");
        });
    }

    /** The question, the machine and versions, the run's date and whether a replicate reproduced it. */
    private static String lead(Run run, Optional<Run> replicate) {
        StringBuilder s = new StringBuilder("Do you need `BEGIN EXCLUSIVE` around DDL, and what stops `code 17, database schema has changed` "
                + "while other requests change the schema?");
        run.environment.ifPresent(e -> {
            s.append(' ').append(e.cores()).append(" cores (").append(e.cpuModel()).append("); SQLite ").append(e.sqliteVersion())
                    .append(" via sqlite-jdbc ").append(e.sqliteJdbcVersion());
            Optional.ofNullable(e.extras().get(Environment.SYSTEM_SQLITE)).ifPresent(v -> s.append(", ").append(v)
                    .append(" (system library) for the legacy prepare"));
            s.append("; run ").append(e.date().length() >= 10 ? e.date().substring(0, 10) : e.date());
            if (!e.duration().isEmpty()) {
                s.append(", ").append(e.duration());
            }
        });
        if (run.environment.isEmpty()) {
            return s.toString();
        }
        replicate.ifPresent(r -> {
            List<RunComparison.Verdict> verdicts = RunComparison.verdicts(run, r);
            s.append("; a replicate changed ").append(verdicts.stream().filter(RunComparison.Verdict::changed).count()).append(" of ")
                    .append(verdicts.size()).append(" verdicts ([replicate](#replicate))");
        });
        return s.append('.').toString();
    }

    // ---- findings ----

    private static String findings(Run run, List<Row> realistic, List<SeedClaim.Site> sites, List<WindowModel.Figures> site, String readme) {
        List<String> items = new ArrayList<>();
        items.add(codeSeventeen(sites, site, readme));
        items.add(exclusive(sites));
        items.add(realisticFailures(run));
        journal(run, realistic).ifPresent(items::add);
        threshold(run).ifPresent(items::add);
        lease(realistic).ifPresent(items::add);
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            numbered.add((i + 1) + ". " + items.get(i));
        }
        return String.join("\n", numbered);
    }

    private static String codeSeventeen(List<SeedClaim.Site> sites, List<WindowModel.Figures> site, String readme) {
        Optional<SeedClaim.Site> legacy = sites.stream().filter(s -> LEGACY.equals(s.prepare())).findFirst();
        List<SeedClaim.Site> v2s = sites.stream().filter(s -> s.served() == legacy.map(SeedClaim.Site::served).orElse(false))
                .filter(s -> !LEGACY.equals(s.prepare())).toList();
        Optional<SeedClaim.Site> v2 = v2s.stream().filter(s -> legacy.filter(l -> l.journal().equals(s.journal())
                && l.context().equals(s.context())).isPresent()).findFirst().or(() -> v2s.stream().findFirst());
        if (legacy.isEmpty()) {
            return "**Code 17 on the seed's site:** not measured in this run (no `" + WindowModel.BENCHMARK
                    + "` or `SeedScenarioBenchmark` with the legacy prepare).";
        }
        SeedClaim.Site l = legacy.get();
        String portable = WindowModel.portable(site).map(p -> "; that is " + WindowModel.portableText(p, WindowModel.portableRows(site).size())
                + " [→](" + SeedSiteSection.ANCHOR + ")").orElse("");
        return "**Code 17 comes from the legacy `sqlite3_prepare`** (PHP's PDO before " + PDO_V2_RELEASE + "): " + l.plainShare().percent()
                + " of the seed site's pages fail with it (" + l.journal() + (l.served() ? ", " + SERVED : "") + ")"
                + v2.map(v -> ", " + pagesWithSchema(v.plain()) + " with `sqlite3_prepare_v2` (" + v.journal() + ")").orElse("")
                + portable + ". **Upgrade the driver:** PDO prepares with `sqlite3_prepare_v2` from PHP " + PDO_V2_RELEASE
                + "; [which driver uses which](" + readme + "#which-row-is-yours-drivers). [→](" + SEED_ANCHOR + ")";
    }

    private static String pagesWithSchema(Comparison.Option o) {
        Role op = o.config().op().orElseThrow();
        long hit = op.failures(ErrorClass.SCHEMA);
        return hit == 0 ? "0 of " + Fmt.count(op.total(Role.Iteration::attempts)) : op.share(ErrorClass.SCHEMA).percent();
    }

    private static String exclusive(List<SeedClaim.Site> sites) {
        Optional<SeedClaim.Site> ground = sites.stream().findFirst().filter(s -> LEGACY.equals(s.prepare()));
        if (ground.isEmpty()) {
            return "**`BEGIN EXCLUSIVE` against code 17:** not measured in this run.";
        }
        SeedClaim.Site g = ground.get();
        String head = switch (g.verdict()) {
            case "does not hold" -> "**`BEGIN EXCLUSIVE` does not fix it:** ";
            case "holds" -> "**`BEGIN EXCLUSIVE` removes it here:** ";
            case "holds in part" -> "**`BEGIN EXCLUSIVE` lowers it but does not remove it:** ";
            default -> "**Whether `BEGIN EXCLUSIVE` helps is inconclusive here:** ";
        };
        return head + g.fixShare().percent() + " of pages under EXCLUSIVE vs " + g.plainShare().percent() + " with plain DDL (p = "
                + Fmt.p(g.p()) + ")" + g.blamed().map(b -> "; DEFERRED " + b.config().op().orElseThrow().share(ErrorClass.SCHEMA).percent())
                .orElse("") + g.immediate().map(b -> "; IMMEDIATE " + b.config().op().orElseThrow().share(ErrorClass.SCHEMA).percent())
                .orElse("") + ". [→](" + SEED_ANCHOR + ")";
    }

    /** Every realistic configuration that prepares with prepare_v2 (sqlite-jdbc's, or the seed site's V2 pages): did anything fail? */
    private static String realisticFailures(Run run) {
        List<Result> v2 = run.configs.stream().filter(Regime::realistic).filter(c -> c.op().isPresent())
                .filter(c -> !LEGACY.equals(c.param(Run.PREPARE)))
                .filter(c -> !DecisionRule.DIAGNOSTIC_READER.equals(c.param(Run.READER))).toList();
        if (v2.isEmpty()) {
            return "**At realistic settings** (a driver's busy timeout, paced DDL): not measured in this run.";
        }
        double attempts = v2.stream().mapToDouble(c -> c.op().get().total(Role.Iteration::attempts)).sum();
        double failed = v2.stream().mapToDouble(c -> c.op().get().total(i -> i.attempts() - i.ok())).sum();
        String timeouts = values(v2, Run.BUSY_TIMEOUT).stream().map(Regime::duration).collect(Collectors.joining(" or "));
        double maxRate = v2.stream().map(c -> Optional.ofNullable(c.param(Run.DDL_PER_SECOND)).orElse(c.param(Run.REGISTRATIONS_PER_SECOND)))
                .filter(v -> v != null).mapToDouble(Double::parseDouble).max().orElse(Double.NaN);
        String ddl = String.join(", ", new TreeSet<>(v2.stream().map(c -> c.param(Run.DDL)).filter(v -> v != null).toList()));
        String where = " at ≤ " + Regime.setting(maxRate) + " DDL/s, " + ddl + " DDL (" + v2.size() + " configurations)";
        if (failed == 0) {
            return "**With `prepare_v2` and a busy timeout (" + timeouts + ") no read failed:** 0 of " + Fmt.count(attempts) + where
                    + ". [→](#realistic-a-drivers-busy-timeout-ddl-paced-at-most-100s)";
        }
        Map<ErrorClass, Long> byClass = Role.failuresByClass(v2.stream().map(c -> c.op().get()).toList());
        return "**With `prepare_v2` and a busy timeout (" + timeouts + ")** " + Fmt.count(failed) + " of " + Fmt.count(attempts)
                + " reads failed (" + Fmt.pct(100 * failed / attempts) + ", mostly " + byClass.keySet().iterator().next() + ")" + where
                + ". [→](#realistic-a-drivers-busy-timeout-ddl-paced-at-most-100s)";
    }

    private static List<Double> values(List<Result> configs, String param) {
        return new TreeSet<>(configs.stream().map(c -> c.param(param)).filter(v -> v != null).map(Double::parseDouble).toList())
                .stream().toList();
    }

    /** The journal row's example, and the tail latency of both modes at the fastest paced DDL rate measured. */
    private static Optional<String> journal(Run run, List<Row> realistic) {
        return realistic.stream().filter(r -> r.workload().equals(AnswerSection.ANY_CHURN)).findFirst().flatMap(r -> r.example().map(e -> {
            String lead = r.choice().isEmpty() ? "**Journal mode: " + r.advice().replace("`", "") + ";** e.g. "
                    : "**Use " + r.choice().substring(r.choice().indexOf('=') + 1) + ":** ";
            return lead + Fmt.count(e.first().rate().value()) + " vs " + Fmt.count(e.second().rate().value()) + " reads/s for "
                    + e.first().value() + " vs " + e.second().value() + ", " + changeInWords(e) + tail(run).map(t -> "; " + t).orElse("")
                    + ". [→](" + DETAIL_ANCHOR + ")";
        }));
    }

    /** p99.9 of successful reads per journal mode at the fastest realistic DDL rate, cached reader, plain DDL. */
    private static Optional<String> tail(Run run) {
        List<Result> paced = run.configs.stream().filter(Regime::realistic).filter(c -> c.param(Run.DDL_PER_SECOND) != null)
                .filter(c -> CACHED.equals(c.param(Run.READER)) && AUTOCOMMIT.equals(c.param(Run.DDL))).toList();
        if (paced.isEmpty()) {
            return Optional.empty();
        }
        double max = paced.stream().mapToDouble(c -> Double.parseDouble(c.param(Run.DDL_PER_SECOND))).max().orElseThrow();
        List<String> parts = new ArrayList<>();
        for (String journal : run.values(Run.JOURNAL)) {
            paced.stream().filter(c -> journal.equals(c.param(Run.JOURNAL)) && Double.parseDouble(c.param(Run.DDL_PER_SECOND)) == max)
                    .findFirst().flatMap(c -> c.op().flatMap(r -> r.latency(io.github.schemachurn.sqlite.CounterNames.OK_P999_MICROS)))
                    .ifPresent(p -> parts.add(Fmt.num(p) + " µs in " + journal));
        }
        return parts.size() < 2 ? Optional.empty() : Optional.of("p99.9 " + String.join(" vs ", parts) + " at " + Regime.setting(max) + " DDL/s");
    }

    private static Optional<String> threshold(Run run) {
        return Threshold.model(run.configs).map(cost -> {
            double large = cost.sizes().stream().mapToDouble(Double::doubleValue).max().orElse(2000);
            double small = Math.min(100, large);
            return "**`prepare_v2` stops protecting you** when DDL commits outpace one re-prepare: above " + Fmt.count(Threshold.boundary(cost, small))
                    + " DDL/s at " + Fmt.count(small) + " extra tables, above " + Fmt.count(Threshold.boundary(cost, large)) + " DDL/s at "
                    + Fmt.count(large) + "; then cached statements fail with code 17 whatever the DDL's locking. [→](" + THRESHOLD_ANCHOR + ")";
        });
    }

    /** The suite's own snapshot-lease reader, where a realistic row recommends it, with its costs. */
    private static Optional<String> lease(List<Row> realistic) {
        return realistic.stream().filter(r -> r.choice().endsWith("=" + DecisionRule.LEASE_READER)).findFirst().flatMap(r -> r.example()
                .map(e -> "**A snapshot-lease reader** (one read transaction reused for a bounded time) serves " + changeInWords(e)
                        + " reads/s against " + e.second().value() + " in " + e.first().config().param(Run.JOURNAL) + ", at a cost: "
                        + DecisionRule.leaseCost(List.of(e.comparison()), e.first().value()) + ". [→](" + DETAIL_ANCHOR + ")"));
    }

    // ---- tables ----

    private static void realisticTable(Run run, List<Row> rows, Md s) {
        if (rows.isEmpty()) {
            s.para("No realistic-regime comparison in this run.");
            return;
        }
        Md.Table table = new Md.Table("question (DDL/s)", "A vs B", "ok/s A", "ok/s B", "Δ (p)", "failed A / B", "do");
        for (Row row : rows) {
            if (row.example().isEmpty()) {
                continue;
            }
            Example e = row.example().get();
            table = table.with(question(row, e), e.first().value() + " vs " + e.second().value(), e.first().rate().text(),
                    e.second().rate().text(), change(e), failed(e), advice(row));
        }
        s.table(table);
        s.para("`~` no difference beyond noise (" + (run.twins.isEmpty() ? "no A/A control in this run" : "paired within rounds; the run's "
                + "noise floor is " + run.noise().text()) + "). Each row shows its kind's median comparison; the row's choice comes from "
                + "all its comparisons ([detail](" + DETAIL_ANCHOR + ")).");
    }

    private static void seedTable(List<SeedClaim.Site> sites, List<WindowModel.Figures> site, String readme, Md s) {
        if (sites.isEmpty()) {
            s.para("The seed's site (`" + WindowModel.BENCHMARK + "` or `SeedScenarioBenchmark`, pages and registrations at a driver's "
                    + "busy timeout) is not in this run.");
            return;
        }
        boolean immediate = sites.stream().anyMatch(x -> x.immediate().isPresent());
        boolean both = sites.stream().anyMatch(SeedClaim.Site::served) && sites.stream().anyMatch(x -> !x.served());
        List<String> header = new ArrayList<>(List.of("seed's site: pages while users register", "code 17, plain DDL", "code 17, EXCLUSIVE",
                "p", "DEFERRED"));
        if (immediate) {
            header.add("IMMEDIATE");
        }
        header.add("verdict");
        List<List<String>> rows = new ArrayList<>();
        for (SeedClaim.Site x : sites) {
            List<String> row = new ArrayList<>(List.of(x.prepare() + ", " + x.journal() + (both ? (x.served() ? ", " + SERVED : ", threads of one process")
                    : "") + (x.context().isEmpty() ? "" : " (" + x.context() + ")") + (x == sites.get(0) && LEGACY.equals(x.prepare()) ? " (the seed's PHP 5 setup)" : ""), x.plainShare().percent(),
                    x.fixShare().percent(), Fmt.p(x.p()), schemaShare(x.blamed())));
            if (immediate) {
                row.add(schemaShare(x.immediate()));
            }
            row.add(x.verdict());
            rows.add(row);
        }
        s.table(new Md.Table(header, rows));
        s.para("**What to do:** upgrade the driver to one that prepares with `sqlite3_prepare_v2` (PHP's PDO from " + PDO_V2_RELEASE
                + "; [drivers](" + readme + "#which-row-is-yours-drivers)); `BEGIN EXCLUSIVE` around DDL is not the fix. Can't upgrade? "
                + "Catching code 17 and running prepare + execute again is SQLite's documented remedy for the legacy call: "
                + SeedSiteSection.workaroundLine(site).map(w -> w + " [→](" + SeedSiteSection.ANCHOR + ")").orElse("not measured in this run.")
                + " The claim's full verdict: [detail](" + DETAIL_ANCHOR + ")" + (both ? "; the rows on threads of one process are the "
                + "in-process variant (`SeedScenarioBenchmark`), which stretches the window" : "") + ".");
    }

    private static String schemaShare(Optional<Comparison.Option> option) {
        return option.map(b -> b.config().op().orElseThrow().share(ErrorClass.SCHEMA).percent()).orElse("not run");
    }

    private static void stressTable(List<Row> rows, Md s) {
        Md.Table table = new Md.Table("condition", "result");
        int n = 0;
        for (Row row : rows) {
            Optional<String> broke = row.example().flatMap(FirstScreen::breaks);
            if (broke.isPresent()) {
                table = table.with(cut(row.workload()), broke.get());
                n++;
            }
        }
        if (n == 0) {
            s.para("Nothing failed in this run's stress regimes, or the run has none.");
            return;
        }
        s.table(table);
    }

    /** Where an example's options failed: each option's failed share and main failure class; empty if nothing failed. */
    private static Optional<String> breaks(Example e) {
        List<Comparison.Option> options = e.comparison().options();
        if (options.stream().allMatch(o -> o.failed().value() == 0)) {
            return Optional.empty();
        }
        String shares = options.stream().map(o -> o.value() + " " + Fmt.pct(100 * o.failed().value())
                + o.config().op().flatMap(Role::mainFailure).map(f -> " " + f).orElse("")).collect(Collectors.joining(", "));
        return Optional.of(cut("failed: " + shares + context(e.comparison())));
    }

    private static String context(Comparison c) {
        String extra = c.context().get(Run.EXTRA_TABLES);
        String journal = c.context().get(Run.JOURNAL);
        return (journal == null ? "" : " (" + journal + (extra == null || extra.equals("0") ? "" : ", " + extra + " extra tables") + ")");
    }

    private static String question(Row row, Example e) {
        String rate = Optional.ofNullable(e.comparison().context().get(Run.DDL_PER_SECOND))
                .or(() -> Optional.ofNullable(e.first().config().param(Run.DDL_PER_SECOND)))
                .or(() -> Optional.ofNullable(e.first().config().param(Run.REGISTRATIONS_PER_SECOND)).map(r -> r + " reg."))
                .orElse("");
        String what = row.workload().replace(AnswerSection.PREPARE_ROW, "prepare call").replace("`", "");
        return what + (rate.isEmpty() ? "" : " (" + rate + ")");
    }

    /** The change of A over B: the paired lead and its p, {@code ~} where it is noise or under the run's floor. */
    static String change(Example e) {
        Comparison c = e.comparison();
        double p = c.rateP(e.first(), e.second());
        if (Double.isNaN(p)) {
            return "~ (one fork)";
        }
        String lead = lead(e);
        String unpaired = c.paired() ? "" : ", unpaired";
        if (c.beats(e.first(), e.second())) {
            return lead + " (" + Fmt.p(p) + unpaired + ")";
        }
        if (p < Stats.ALPHA && c.paired()) {
            return "~ " + lead + ", under floor (" + Fmt.p(p) + ")";
        }
        return "~ (" + Fmt.p(p) + unpaired + ")";
    }

    /** The change as a sentence says it: "+149 %, p < 0.001", or "no difference beyond noise, p = 0.30". */
    private static String changeInWords(Example e) {
        Comparison c = e.comparison();
        if (!c.beats(e.first(), e.second())) {
            return "no difference beyond noise";
        }
        return lead(e) + " (" + Fmt.pIs(c.rateP(e.first(), e.second())) + (c.paired() ? "" : ", unpaired") + ")";
    }

    /** A's rate over B's as a change: the geometric mean of the per-round ratios where paired, the ratio of the means otherwise. */
    private static String lead(Example e) {
        Comparison c = e.comparison();
        double ratio = c.paired() ? Math.exp(Stats.mean(c.logRatios(e.first(), e.second())))
                : e.first().rate().value() / Math.max(e.second().rate().value(), 1e-9);
        return Fmt.change(1, ratio);
    }

    private static String failed(Example e) {
        String shares = Fmt.pct(100 * e.first().failed().value()) + " / " + Fmt.pct(100 * e.second().failed().value());
        double p = e.comparison().failedP(e.first(), e.second());
        return p < Stats.ALPHA && e.first().failed().value() != e.second().failed().value() ? shares + " (" + Fmt.p(p) + ")" : shares;
    }

    /** What to do, short: the chosen option, "any", or the row's advice. */
    private static String advice(Row row) {
        if (!row.choice().isEmpty()) {
            String value = row.choice().substring(row.choice().indexOf('=') + 1);
            String cost = row.choice().endsWith("=" + DecisionRule.LEASE_READER) ? ", if reads " + Fmt.num(DecisionRule.staleness(value))
                    + " ms stale and a growing WAL are OK" : "";
            return cut("**" + value + "**" + cost);
        }
        if (row.advice().startsWith("any `")) {
            return row.advice().contains("not exercised") ? "any (nothing to retry)" : "any";
        }
        return cut(row.advice());
    }


    /** A cell of at most {@link #MAX_CELL} characters, cut at a word. */
    static String cut(String text) {
        if (text.length() <= MAX_CELL) {
            return text;
        }
        int at = text.lastIndexOf(' ', MAX_CELL - 1);
        return text.substring(0, at > MAX_CELL / 2 ? at : MAX_CELL - 1) + " …";
    }
}
