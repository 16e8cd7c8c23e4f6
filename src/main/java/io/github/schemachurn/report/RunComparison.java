package io.github.schemachurn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two runs side by side (like Go's benchstat): both machines, the answer rows' verdicts and the key
 * figures first; then every configuration in both with the ratio of its headline figure, that ratio's
 * 95 % interval and whether it changed significantly. The runs are independent, so nothing is paired
 * between them: a configuration's forks (its rounds) in one run against its forks in the other.
 */
public final class RunComparison {
    private RunComparison() {}

    /** One run read from a directory (or file) of results, A/A twins apart. */
    public static Run load(Path input) {
        JmhJson.Read read = JmhJson.readRun(List.of(input), ReportGenerator.ENVIRONMENT_FILE);
        Path environment = input.resolve(ReportGenerator.ENVIRONMENT_FILE);
        return new Run(ReportGenerator.configs(read.results()), ReportGenerator.configs(read.twins()),
                java.nio.file.Files.isRegularFile(environment) ? Optional.of(Environment.read(environment)) : Optional.empty(), "");
    }

    /** A configuration's headline: successful operations per second, or JMH's own score for a timing. */
    static Estimate headline(Result c) {
        return c.op().map(Role::rate).orElseGet(() -> Estimate.of(c.metrics().get(c.method())));
    }

    static String unit(Result c) {
        return c.op().isPresent() ? "ok/s" : c.metrics().get(c.method()).unit();
    }

    /**
     * An answer row in both runs (either may lack it). The verdict is the row's decision: the option
     * it recommends, or none; its wording (the example, "the only option under which most operations
     * succeed") may differ without the advice changing. An "avoid" note is counted apart.
     */
    record Verdict(String workload, DecisionRule.Row base, DecisionRule.Row results) {
        boolean inBoth() {
            return base != null && results != null;
        }

        /** Whether the row reads differently in any way: its decision, its avoid note, its words, or only one run has it. */
        boolean differs() {
            return !change().equals("no") && (base != null || results != null);
        }

        /** The order of the first screen: changed decisions, then avoid notes, then other differences, then the same. */
        int rank() {
            return changed() ? 0 : avoidChanged() ? 1 : differs() ? 2 : 3;
        }

        /** Whether the recommendation differs: another option, or one against none. */
        boolean changed() {
            return inBoth() && !base.choice().equals(results.choice());
        }

        boolean avoidChanged() {
            return inBoth() && !base.avoided().equals(results.avoided());
        }

        /** What the "changed" column says: the decision, then the avoid note, then the words only. */
        String change() {
            if (!inBoth()) {
                return base == null && results == null ? "–" : "row in one run only";
            }
            if (changed()) {
                return "**yes**: " + decision(base) + " → " + decision(results);
            }
            if (avoidChanged()) {
                return "avoid note only: " + avoidNote(base) + " → " + avoidNote(results);
            }
            return base.advice().equals(results.advice()) ? "no" : "no (wording)";
        }

        static String decision(DecisionRule.Row row) {
            return row.choice().isEmpty() ? "no recommendation" : row.choice();
        }

        private static String avoidNote(DecisionRule.Row row) {
            return row.avoided().isEmpty() ? "none" : "avoid " + row.avoided();
        }
    }

    static List<Verdict> verdicts(Run base, Run results) {
        Map<String, DecisionRule.Row[]> rows = new LinkedHashMap<>();
        AnswerSection.rows(base).forEach(r -> rows.computeIfAbsent(r.workload(), k -> new DecisionRule.Row[2])[0] = r);
        AnswerSection.rows(results).forEach(r -> rows.computeIfAbsent(r.workload(), k -> new DecisionRule.Row[2])[1] = r);
        List<Verdict> verdicts = new ArrayList<>();
        rows.forEach((workload, pair) -> verdicts.add(new Verdict(workload, pair[0], pair[1])));
        String seed = "the seed's claim (EXCLUSIVE fixes code 17), on its own ground";
        verdicts.add(new Verdict(seed, seedRow(seed, base), seedRow(seed, results)));
        return verdicts;
    }

    private static DecisionRule.Row seedRow(String name, Run run) {
        return SeedClaim.decision(run).map(d -> new DecisionRule.Row(name, "", d, "", d, "", 1)).orElse(null);
    }

    /** "avoid notes changed: K of M": rows whose "avoid" option differs, of the rows both runs have. */
    static String avoidLine(List<Verdict> verdicts) {
        return "avoid notes changed: " + verdicts.stream().filter(Verdict::avoidChanged).count() + " of "
                + verdicts.stream().filter(Verdict::inBoth).count();
    }

    /** "verdicts changed: N of M": rows whose recommendation differs, of the rows both runs have. */
    static String verdictLine(List<Verdict> verdicts) {
        return "verdicts changed: " + verdicts.stream().filter(Verdict::changed).count() + " of "
                + verdicts.stream().filter(Verdict::inBoth).count();
    }

    /**
     * A key figure: its value, and the independent values behind it that its interval and the
     * run-against-run test use. For a figure pooled over configurations, one value per round number:
     * the mean over the figure's configurations in every study's round r, so each value is the whole
     * figure once, over the same mix of configurations (forks of one round met the same minutes of
     * the machine: one value, not several); a fork outside rounds counts on its own. For the
     * re-prepare cost, one value per fork: each fork times every size.
     */
    record KeyFigure(double value, List<Double> units, Map<String, Double> byRound) {
        KeyFigure(double value, List<Double> units) {
            this(value, units, Map.of());
        }
    }

    /** The key figures' names, said once: compare's rows, the replicate section's, and the tests find them by these. */
    static final String RE_PREPARE_FIGURE = "stale re-prepare cost per 1,000 extra tables, in fresh prepares";
    static final String LEASE_FIGURE = "snapshot-lease reader at the largest schema, ok/s over the cached reader's at the smallest";
    static final String CACHED_FIGURE = "cached reader, failed share at the largest schema";
    static final String SEED_FIGURE = "seed's site, legacy prepare: code-17 share per registration/s per 1,000 schema objects";

    /**
     * The figures a second run must reproduce, each portable (a ratio or a share within one run, so
     * a faster or slower machine does not move it): the stale re-prepare cost per extra table as a
     * ratio to the same forks' fresh prepare; the snapshot-lease reader's rate at the largest schema
     * under churn as a ratio to the cached reader's at the smallest, in the same rounds; the share of
     * the cached reader's reads that fail at the largest schema; and on the seed's site, the code-17
     * share of legacy-prepared pages per registration/s per 1,000 schema objects ({@link WindowModel}).
     * Not the lease over the cached reader at the same large schema: the cached reader livelocks
     * there, its forks' rates range from 0 to a few hundred reads/s, and a ratio over them swings by
     * an order of magnitude between runs while the livelock itself, its failed share, holds.
     */
    static Map<String, Optional<KeyFigure>> keyFigures(Run run) {
        Map<String, Optional<KeyFigure>> figures = new LinkedHashMap<>();
        figures.put(RE_PREPARE_FIGURE, Threshold.model(run.configs).map(m -> new KeyFigure(1000 * m.slopeInFreshPrepares(),
                m.forks().stream().map(f -> 1000 * f.ratio()).filter(v -> !Double.isNaN(v)).toList())));
        figures.put(LEASE_FIGURE, leaseRatio(run));
        figures.put(CACHED_FIGURE, AnswerSection.largestSchema(run).flatMap(largest -> keyFigure(reader(run, "CACHED", largest,
                Comparison.Option::failed))));
        figures.put(SEED_FIGURE, keyFigure(WindowModel.portableRows(WindowModel.of(run.configs)).stream()
                .filter(f -> !Double.isNaN(f.portable().value())).map(f -> Map.entry(f.config(), f.portable())).toList()));
        return figures;
    }

    /** A reader's figure in every reader comparison at this schema size (e.g. each DDL wrapping), by configuration. */
    private static List<Map.Entry<Result, Estimate>> reader(Run run, String reader, String extraTables, Function<Comparison.Option, Estimate> figure) {
        List<Map.Entry<Result, Estimate>> estimates = new ArrayList<>();
        for (Comparison c : Comparison.of(run, Run.READER, x -> extraTables.equals(x.param(Run.EXTRA_TABLES)) && !Regime.realistic(x))) {
            c.options().stream().filter(o -> o.value().equals(reader)).findFirst().ifPresent(o -> estimates.add(Map.entry(o.config(), figure.apply(o))));
        }
        return estimates;
    }

    /**
     * The lease's rate at the largest schema over the cached reader's at the smallest (the stress
     * comparisons', under churn): per round number, the one mean over the other, so both met the same
     * minutes of the machine; its value the mean of those ratios (the ratio of the two means outside rounds).
     */
    private static Optional<KeyFigure> leaseRatio(Run run) {
        Optional<String> largest = AnswerSection.largestSchema(run);
        Optional<String> smallest = run.configs.stream().filter(Result::churn).filter(c -> !Regime.realistic(c))
                .map(c -> c.param(Run.EXTRA_TABLES)).filter(java.util.Objects::nonNull).min(java.util.Comparator.comparingDouble(Double::parseDouble));
        if (largest.isEmpty() || smallest.isEmpty()) {
            return Optional.empty();
        }
        Optional<KeyFigure> lease = keyFigure(reader(run, "SNAPSHOT_LEASE", largest.get(), Comparison.Option::rate));
        Optional<KeyFigure> cached = keyFigure(reader(run, "CACHED", smallest.get(), Comparison.Option::rate));
        if (lease.isEmpty() || cached.isEmpty() || cached.get().value() == 0) {
            return Optional.empty();
        }
        Map<String, Double> a = lease.get().byRound();
        Map<String, Double> b = cached.get().byRound();
        List<Double> units = a.keySet().stream().filter(r -> b.containsKey(r) && b.get(r) > 0).map(r -> a.get(r) / b.get(r)).toList();
        return Optional.of(new KeyFigure(units.isEmpty() ? lease.get().value() / cached.get().value() : Stats.mean(units), units, Map.of()));
    }

    /** The mean of the configurations' figures, with their means per round number as the units ({@link KeyFigure}). */
    private static Optional<KeyFigure> keyFigure(List<Map.Entry<Result, Estimate>> estimates) {
        if (estimates.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Double>> byRound = new TreeMap<>();
        List<Double> units = new ArrayList<>();
        estimates.forEach(e -> {
            Map<String, Double> rounds = NoiseFloor.byRound(e.getKey(), e.getValue().forks());
            if (rounds.isEmpty()) {
                units.addAll(e.getValue().forks());
            }
            rounds.forEach((round, value) -> byRound.computeIfAbsent(round.substring(round.lastIndexOf('#') + 1), k -> new ArrayList<>()).add(value));
        });
        Map<String, Double> means = new TreeMap<>();
        byRound.forEach((round, values) -> means.put(round, Stats.mean(values)));
        units.addAll(means.values());
        return Optional.of(new KeyFigure(Stats.mean(estimates.stream().map(e -> e.getValue().value()).toList()), units, means));
    }

    /**
     * The median over configurations in both runs of their ok/s ratio (second run / first): how much
     * faster or slower the second machine ran as a whole. The key figures are ratios and shares within one
     * run, which it should not move.
     */
    static Optional<String> machineLine(Run base, Run results) {
        Map<String, Result> before = Result.byKey(base.configs);
        List<Double> ratios = results.configs.stream().filter(c -> c.op().isPresent() && before.containsKey(c.key()))
                .map(c -> Stats.ratio(headline(before.get(c.key())).forks(), headline(c).forks()).ratio())
                .filter(r -> r > 0 && Double.isFinite(r)).toList();
        if (ratios.isEmpty()) {
            return Optional.empty();
        }
        long slower = ratios.stream().filter(r -> r < 1).count();
        return Optional.of("The machine as a whole: the second run's ok/s over the first's is " + Fmt.num(Stats.median(ratios))
                + " in the median configuration (" + slower + " of " + ratios.size() + " configurations slower); the key figures "
                + "are shares and ratios within one run, which it should not move.");
    }

    /** How a key figure's change is judged, said once for the compare output and the report's replicate section. */
    static final String FIGURES_NOTE = "A key figure's change is beyond both runs' noise when its 95 % interval excludes zero: Welch's, "
            + "over each run's values per round number (per fork for the re-prepare cost), centred on the change shown.";

    static String figure(String name, double value) {
        return name.contains("share") ? Fmt.pct(100 * value) : Fmt.num(value);
    }

    /** The widest cell of the first screen: a longer one ends in "…" there and shows whole below. */
    static final int CELL = 120;
    /** A verdicts table this short shows every row on the first screen; a longer one, only the rows that differ. */
    static final int SHORT = 12;

    /** How a configuration's change is judged, said once. */
    static final String CONFIGURATIONS_NOTE = "A configuration's ratio is the second run's headline over the first's (ok/s, or "
            + "JMH's score for a timing); its interval and test: Welch's t-test on the forks' logs, since the runs are independent "
            + "(nothing is paired between them); changed at p < " + Stats.ALPHA + ".";

    /** What a verdict is, said once. */
    static final String VERDICTS_NOTE = "A verdict is an answer row's decision: the option it recommends, or none; an \"avoid\" note "
            + "is counted apart, and a difference in wording alone (the example, a qualifier) is shown but not counted. Comparisons: "
            + "how many a row pools in each run; a row pools every study with its choice, so a run without some of those studies "
            + "decides it on fewer.";

    /**
     * The whole comparison as markdown. First what a reader with one minute needs: both runs' machines,
     * the counts of changed verdicts, the verdicts that differ and the key figures; then how a change is
     * judged, every answer row and every configuration by benchmark; the last line is {@link #verdictLine}.
     */
    public static String render(Run base, Run results, String baseName, String resultsName) {
        Md md = new Md(1);
        md.heading(resultsName + " against " + baseName);
        runs(base, results, baseName, resultsName, md);
        Map<String, Result> before = Result.byKey(base.configs);
        Map<Result, Stats.Ratio> ratios = new LinkedHashMap<>();
        results.configs.stream().filter(c -> before.containsKey(c.key()))
                .forEach(c -> ratios.put(c, Stats.ratio(headline(before.get(c.key())).forks(), headline(c).forks())));
        long changed = ratios.values().stream().filter(r -> r.p() < Stats.ALPHA).count();
        List<Verdict> verdicts = verdicts(base, results);
        md.para(verdictLine(verdicts) + " · " + avoidLine(verdicts) + " · configurations changed: " + changed + " of " + ratios.size()
                + " (about " + Math.round(Stats.ALPHA * ratios.size()) + " by chance alone)");
        md.section("Verdicts", s -> firstVerdicts(verdicts, baseName, resultsName, s));
        md.section("Key figures", s -> {
            s.table(figures(base, results, baseName, resultsName));
            machineLine(base, results).ifPresent(s::para);
        });
        md.section("How a change is judged", s -> s.para(CONFIGURATIONS_NOTE).para(VERDICTS_NOTE).para(FIGURES_NOTE));
        md.section("Every answer row", s -> {
            Md.Table rows = new Md.Table("if your workload is", baseName, resultsName, "comparisons", "changed");
            for (Verdict v : verdicts) {
                rows = rows.with(v.workload(), advice(v.base()), advice(v.results()), comparisons(v.base()) + " / " + comparisons(v.results()),
                        v.change());
            }
            s.table(rows);
        });
        md.section("Every configuration", s -> configurations(ratios, before, base.configs.size(), results.configs.size(), baseName, resultsName, s));
        md.para(verdictLine(verdicts));
        return md.toString();
    }

    /** Both runs' facts ({@link Environment#facts}): those they share said once, those that differ as a table, a row per run. */
    private static void runs(Run base, Run results, String baseName, String resultsName, Md md) {
        Map<String, String> first = base.environment.map(Environment::facts).orElse(Map.of());
        Map<String, String> second = results.environment.map(Environment::facts).orElse(Map.of());
        if (first.isEmpty() && second.isEmpty()) {
            md.para("Neither run has an environment file (`Report capture-env` records one beside the results).");
            return;
        }
        Set<String> names = new LinkedHashSet<>(first.keySet());
        names.addAll(second.keySet());
        List<String> shared = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            String value = first.get(name);
            if (!Objects.equals(value, second.get(name))) {
                differing.add(name);
            } else if (value.length() <= CELL) { // a longer one (compile options) is in each run's environment.json
                shared.add(name + ": " + value);
            }
        }
        if (!shared.isEmpty()) {
            md.para("Both runs: " + String.join("; ", shared) + ".");
        }
        if (!differing.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("run"));
            header.addAll(differing);
            md.table(new Md.Table(header, List.of(runRow(baseName, first, differing), runRow(resultsName, second, differing))));
        }
    }

    private static List<String> runRow(String run, Map<String, String> facts, List<String> names) {
        List<String> row = new ArrayList<>(List.of(run));
        names.forEach(n -> row.add(Optional.ofNullable(facts.get(n)).map(v -> v.length() > CELL ? "see its environment.json" : v)
                .orElse("not recorded")));
        return row;
    }

    /** The verdicts that differ, those that changed first; every verdict when there are few ({@link #SHORT}). */
    private static void firstVerdicts(List<Verdict> verdicts, String baseName, String resultsName, Md md) {
        List<Verdict> sorted = verdicts.stream().sorted(java.util.Comparator.comparingInt(Verdict::rank)).toList();
        List<Verdict> shown = verdicts.size() <= SHORT ? sorted : sorted.stream().filter(Verdict::differs).toList();
        if (!shown.isEmpty()) {
            Md.Table table = new Md.Table("if your workload is", baseName, resultsName, "changed");
            for (Verdict v : shown) {
                table = table.with(fit(v.workload()), fit(advice(v.base())), fit(advice(v.results())), fit(v.change()));
            }
            md.table(table);
        }
        int same = verdicts.size() - shown.size();
        if (same > 0) {
            md.para((shown.isEmpty() ? "All " : "The other ") + same + " answer rows give the same advice in the same words in both "
                    + "runs: [every row](#every-answer-row).");
        }
    }

    /** Every configuration in both runs, a table per benchmark, each labelled by the params that differ within its benchmark ({@link #label}). */
    private static void configurations(Map<Result, Stats.Ratio> ratios, Map<String, Result> before, int inBase, int inResults,
                                       String baseName, String resultsName, Md md) {
        md.para("In both runs: " + ratios.size() + " (only in " + baseName + ": " + (inBase - ratios.size()) + ", only in "
                + resultsName + ": " + (inResults - ratios.size()) + ").");
        Map<String, List<Result>> byBenchmark = new LinkedHashMap<>();
        ratios.keySet().forEach(c -> byBenchmark.computeIfAbsent(c.benchmark(), k -> new ArrayList<>()).add(c));
        byBenchmark.forEach((benchmark, configs) -> md.section(benchmark, s -> {
            List<String> varied = Result.varied(configs);
            String constant = configs.get(0).params().entrySet().stream().filter(e -> !varied.contains(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            if (!constant.isEmpty()) {
                s.para("In every row: " + constant + ".");
            }
            Md.Table table = new Md.Table("configuration", "unit", baseName, resultsName, "ratio", "95 % interval", "changed");
            for (Result now : configs) {
                Result then = before.get(now.key());
                Stats.Ratio r = ratios.get(now);
                table = table.with(label(now, varied), unit(now), headline(then).text(), headline(now).text(), Fmt.num(r.ratio()),
                        Double.isNaN(r.low()) ? "n/a (one fork)" : Fmt.num(r.low()) + "–" + Fmt.num(r.high()),
                        Double.isNaN(r.p()) ? "?" : r.p() < Stats.ALPHA ? "**yes** (" + Fmt.pIs(r.p()) + ")" : "no");
            }
            s.table(table);
        }));
    }

    /**
     * A configuration within its benchmark: the params among {@code varied} (those that differ between the
     * benchmark's configurations) that it has, "name=value" joined; never a param it lacks.
     */
    static String label(Result config, List<String> varied) {
        String label = varied.stream().filter(config.params()::containsKey).map(n -> n + "=" + config.param(n))
                .collect(Collectors.joining(" "));
        return label.isEmpty() ? "(the only one)" : label;
    }


    /** A cell of the first screen: at most {@link #CELL} characters, cut at a word with "…" (bold kept closed). */
    static String fit(String text) {
        if (text.length() <= CELL) {
            return text;
        }
        int end = text.lastIndexOf(' ', CELL - 3);
        String cut = text.substring(0, end > 0 ? end : CELL - 3);
        return cut + (cut.split("\\*\\*", -1).length % 2 == 0 ? "**" : "") + "…";
    }

    private static String advice(DecisionRule.Row row) {
        return row == null ? "–" : row.advice();
    }

    /** How many comparisons a row pools ("model" for a row drawn from a fitted model, "–" where the run lacks the row). */
    private static String comparisons(DecisionRule.Row row) {
        return row == null ? "–" : row.comparisons() == 0 ? "model" : String.valueOf(row.comparisons());
    }

    static Md.Table figures(Run base, Run results, String baseName, String resultsName) {
        Md.Table table = new Md.Table("key figure", baseName, resultsName, "change", "95 % interval of the change", "beyond noise");
        Map<String, Optional<KeyFigure>> before = keyFigures(base);
        Map<String, Optional<KeyFigure>> after = keyFigures(results);
        for (String name : before.keySet()) {
            Optional<KeyFigure> a = before.get(name);
            Optional<KeyFigure> b = after.get(name);
            if (a.isEmpty() || b.isEmpty()) {
                table = table.with(name, a.map(f -> figure(name, f.value())).orElse("not measured"),
                        b.map(f -> figure(name, f.value())).orElse("not measured"), "–", "–", "–");
                continue;
            }
            double from = a.get().value();
            double to = b.get().value();
            Stats.Difference d = Stats.difference(a.get().units(), b.get().units());
            String interval = from == 0 || Double.isNaN(d.halfWidth()) ? "n/a (fewer than two rounds)"
                    : Fmt.signedPct(100 * (to - from - d.halfWidth()) / from) + " to " + Fmt.signedPct(100 * (to - from + d.halfWidth()) / from);
            String beyond = Double.isNaN(d.p()) ? "?" : (d.p() < Stats.ALPHA ? "**yes**" : "no") + " (" + Fmt.pIs(d.p()) + ")";
            table = table.with(name, figure(name, from), figure(name, to), Fmt.change(from, to), interval, beyond);
        }
        return table;
    }
}
