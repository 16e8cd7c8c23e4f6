package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;

import io.github.schemachurn.sqlite.ReaderStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The first screen: decision tables computed from every comparison in the run, first for the
 * regimes people run (a driver's own busy timeout, churn at rates applications produce), then for
 * the stress regimes (unpaced churn, readers failing fast), each row naming its regime; between
 * them the verdict on the seed's claim ({@link SeedClaim}). A row is advice with its cost and a
 * typical example (the median comparison, not the most extreme one).
 */
public final class AnswerSection {
    /** The shortest busy timeout a driver sets by itself (sqlite-jdbc: 3000 ms, PHP's PDO: 60 s) is well above this. */
    static final double REALISTIC_MIN_BUSY_TIMEOUT_MS = 1000;
    /** Registrations, per-tenant tables and migrations commit DDL at 0.1-100 per second; faster churn is a stress test. */
    static final double REALISTIC_MAX_DDL_PER_SECOND = 100;
    /** A diagnostic reader (it checks every result's columns): watched, never a choice. */
    private static final String DIAGNOSTIC_READER = ReaderStrategy.COLUMN_CHECKED.name();

    private AnswerSection() {}

    static void render(Run run, Md md) {
        md.section("Answer", s -> {
            s.para(Comparison.ruleText(run) + " Each row names the regime it was measured in. "
                    + "**Realistic** regimes: a busy timeout as drivers set it (at least " + duration(REALISTIC_MIN_BUSY_TIMEOUT_MS)
                    + "; sqlite-jdbc's default is 3 s, PHP's PDO 60 s) and schema changes paced at most "
                    + Fmt.num(REALISTIC_MAX_DDL_PER_SECOND) + " per second (registrations, per-tenant tables, migrations). "
                    + "**Stress** regimes, below the verdict: unpaced churn (thousands of DDL/s) or readers failing fast "
                    + "(busy_timeout 0); they show where things break, not what to run. "
                    + "\"Avoid\" marks an option that every other one beats, or fails significantly less often than without being "
                    + "slower, in most of its comparisons of three or more options. The busy timeout itself is never a row: a "
                    + "shorter one only trades waiting for failing. "
                    + "Diagnostic options (`" + Run.READER + "=" + DIAGNOSTIC_READER + "`) are not candidates. "
                    + "Examples are each row's median comparison; \"DDL failed\" is the schema changer's own failure share.");
            table(s, run, true, "No realistic-regime comparison in this run (busy timeout ≥ "
                    + duration(REALISTIC_MIN_BUSY_TIMEOUT_MS) + " with paced churn).");
            s.para(SeedClaim.verdict(run));
            s.para("**Stress regimes.**");
            table(s, run, false, "No stress-regime comparison in this run.");
        });
    }

    private static void table(Md s, Run run, boolean realistic, String none) {
        List<Row> rows = rows(run, realistic);
        if (rows.isEmpty()) {
            s.para(none);
            return;
        }
        Md.Table table = new Md.Table("if your workload is", "regime", "do", "because (typical example)");
        for (Row row : rows) {
            table = table.with(row.workload(), row.regime(), row.advice(), row.because() + ComparisonCharts.links(run, tablePrefix(realistic) + row.workload()));
        }
        s.table(table);
    }

    /**
     * One answer row. {@code choice} is the decision alone, what a second run must reproduce: the
     * recommended option ({@code journal=WAL}), or empty when no option is recommended (no
     * difference, a trade-off, nothing exercised, every option failing); {@code avoided} the option
     * marked "avoid", or empty; {@code comparisons} how many comparisons the row pools.
     */
    public record Row(String workload, String regime, String advice, String because, String choice, String avoided, int comparisons) {
        Row withWorkload(String name) {
            return new Row(name, regime, advice, because, choice, avoided, comparisons);
        }
    }

    /** An option every other one dominates in most comparisons, and the advice's words for it. */
    private record Avoid(String option, String text) {}

    /** Whether a configuration runs in a realistic regime: a driver-like busy timeout and paced churn. */
    static boolean realistic(Result c) {
        String timeout = c.param(Run.BUSY_TIMEOUT);
        return timeout != null && Double.parseDouble(timeout) >= REALISTIC_MIN_BUSY_TIMEOUT_MS
                && pacedRate(c).filter(rate -> rate <= REALISTIC_MAX_DDL_PER_SECOND).isPresent();
    }

    /** The target rate of a paced schema changer (DDL or registrations per second); empty when unpaced. */
    private static Optional<Double> pacedRate(Result c) {
        for (String param : List.of(Run.DDL_PER_SECOND, Run.REGISTRATIONS_PER_SECOND)) {
            String value = c.param(param);
            if (value != null) {
                try {
                    return Optional.of(Double.parseDouble(value));
                } catch (NumberFormatException unpaced) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Every row of both tables, each workload prefixed with its table's regime ("realistic: ", "stress: "). */
    static List<Row> rows(Run run) {
        List<Row> rows = new ArrayList<>();
        for (boolean realistic : List.of(true, false)) {
            rows(run, realistic).forEach(r -> rows.add(r.withWorkload(tablePrefix(realistic) + r.workload())));
        }
        return rows;
    }

    static List<Row> rows(Run run, boolean realistic) {
        Predicate<Result> regime = c -> realistic(c) == realistic;
        String table = tablePrefix(realistic);
        List<Row> rows = new ArrayList<>();
        Predicate<Result> notMigration = c -> !MIGRATION.equals(c.param(Run.CHANGE));
        decide(table, run, Run.JOURNAL, regime.and(notMigration), "any schema churn").ifPresent(rows::add);
        for (String journal : run.values(Run.JOURNAL)) {
            Predicate<Result> inJournal = regime.and(c -> journal.equals(c.param(Run.JOURNAL)));
            decide(table, run, Run.DDL, inJournal.and(AnswerSection::smallSchema).and(notMigration), journal + ": how to wrap DDL")
                    .ifPresent(rows::add);
            decide(table, run, Run.DDL, inJournal.and(c -> MIGRATION.equals(c.param(Run.CHANGE))),
                    journal + ": how to wrap a migration (several ALTERs)").ifPresent(rows::add);
        }
        if (!realistic) {
            largestSchema(run).ifPresent(max -> {
                Predicate<Result> large = regime.and(c -> max.equals(c.param(Run.EXTRA_TABLES)));
                decide(table, run, Run.READER, large, "large schema (" + max + " extra tables) under churn: how to read").ifPresent(rows::add);
                decide(table, run, Run.DDL, large, "large schema (" + max + " extra tables): how to wrap DDL").ifPresent(rows::add);
            });
        }
        decide(table, run, Run.PREPARE, regime, "your driver's prepare call (PHP's PDO before 7.2 used the legacy one)").ifPresent(rows::add);
        if (!realistic) {
            Threshold.cost(run.configs).ifPresent(cost -> rows.add(new Row("fast churn on a large schema",
                    "DDL faster than one re-prepare", "keep DDL commits below 1 / re-prepare cost",
                    "a stale re-prepare costs " + Fmt.num(cost.slope()) + " µs per extra table: at 1,000 tables that is "
                            + Fmt.num(Threshold.boundary(cost, 1000)) + " DDL/s (see the threshold model)",
                    "keep DDL commits below 1 / re-prepare cost", "", 0)));
        }
        for (String param : List.of(Run.READER, Run.RETRY)) {
            for (String journal : run.values(Run.JOURNAL)) {
                Predicate<Result> inJournal = regime.and(c -> journal.equals(c.param(Run.JOURNAL)));
                decide(table, run, param, inJournal.and(AnswerSection::smallSchema).and(notMigration), journal + ": choosing `" + param + "`")
                        .ifPresent(rows::add);
            }
        }
        return rows;
    }

    private static final String MIGRATION = io.github.schemachurn.workload.SchemaChange.MIGRATION.name();

    private static boolean smallSchema(Result c) {
        return c.param(Run.EXTRA_TABLES) == null || Double.parseDouble(c.param(Run.EXTRA_TABLES)) == 0;
    }

    /** The largest schema (extra tables) of the stress configurations under churn: the large-schema rows' and key figures'. */
    static Optional<String> largestSchema(Run run) {
        return run.configs.stream().filter(Result::churn).filter(c -> !realistic(c)).map(c -> c.param(Run.EXTRA_TABLES))
                .filter(v -> v != null && !v.equals("0")).max(Comparator.comparingDouble(Double::parseDouble));
    }

    /**
     * One row from every comparison of {@code param} among configurations that pass {@code filter};
     * diagnostic options are left out, and the busy timeout is never compared.
     */
    public static Optional<Row> decide(Run run, String param, Predicate<Result> filter, String workload) {
        return decide("", run, param, filter, workload);
    }

    /** The table a row is in, as its name in compare and its charts' names and titles (the same question is asked in both tables). */
    static String tablePrefix(boolean realistic) {
        return realistic ? "realistic: " : "stress: ";
    }

    private static Optional<Row> decide(String tablePrefix, Run run, String param, Predicate<Result> filter, String workload) {
        if (param.equals(Run.BUSY_TIMEOUT)) {
            return Optional.empty(); // a shorter timeout's "advantage" is failing fast
        }
        List<Comparison> comparisons = Comparison.of(run, param,
                filter.and(c -> !DIAGNOSTIC_READER.equals(c.param(Run.READER))));
        if (comparisons.isEmpty()) {
            return Optional.empty();
        }
        String regime = regime(comparisons);
        Optional<Avoid> avoid = avoid(comparisons);
        String avoided = avoid.map(Avoid::option).orElse("");
        String avoidNote = avoid.map(a -> "; " + a.text()).orElse("");
        ComparisonCharts.answer(run, param, comparisons, tablePrefix + workload);
        Map<String, List<Comparison>> wins = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            c.winner().ifPresent(w -> wins.computeIfAbsent(w.value(), k -> new ArrayList<>()).add(c));
        }
        if (param.equals(Run.RETRY) && comparisons.stream().allMatch(AnswerSection::nothingToRetry)) {
            Comparison c = typical(comparisons);
            return Optional.of(new Row(workload, regime, "any `" + param + "`: not exercised",
                    "no operation failed and no busy handler waited in " + comparisons.size()
                            + " comparison(s), so no retry policy ran; e.g. " + facts(c.ranked().get(0), c.runnerUp(), c), "", avoided, comparisons.size()));
        }
        if (wins.isEmpty() && comparisons.stream().allMatch(Comparison::allMostlyFail)) {
            Comparison c = typical(comparisons);
            return Optional.of(new Row(workload, regime, "no `" + param + "` helps: most operations fail under every option"
                    + avoidNote,
                    "in all " + comparisons.size() + " comparison(s); e.g. " + facts(c.ranked().get(0), c.runnerUp(), c), "", avoided, comparisons.size()));
        }
        if (wins.isEmpty()) {
            Comparison c = typical(comparisons);
            Comparison.Option best = c.ranked().get(0);
            Comparison.Option next = c.runnerUp();
            boolean anyDifference = comparisons.stream().anyMatch(AnswerSection::significant);
            List<Comparison> tradeOffs = comparisons.stream().filter(x -> x.tradeOff().isPresent()).toList();
            if (!tradeOffs.isEmpty()) {
                Comparison t = tradeOffs.get((tradeOffs.size() - 1) / 2);
                return Optional.of(new Row(workload, regime, "no `" + param + "` can be recommended: a trade-off"
                        + avoidNote,
                        "the faster option fails significantly more often in " + tradeOffs.size() + " of " + comparisons.size()
                                + " comparison(s); e.g. " + facts(t.ranked().get(0), t.tradeOff().orElseThrow(), t), "", avoided, comparisons.size()));
            }
            if (!anyDifference && comparisons.stream().allMatch(AnswerSection::oneFork)) {
                return Optional.of(new Row(workload, regime, "cannot tell from one fork",
                        "no comparison can be significant with one fork per option (run with -f 3 or more); e.g. "
                                + facts(best, next, c), "", avoided, comparisons.size()));
            }
            return Optional.of(new Row(workload, regime, (anyDifference ? "no `" + param + "` can be recommended"
                            : "any `" + param + "`: no measurable difference") + avoidNote,
                    (anyDifference ? "where options differ, the faster one's forks disagree or most of its operations fail; "
                            : "") + "no significant winner in " + comparisons.size() + " comparison(s); e.g. " + facts(best, next, c), "", avoided, comparisons.size()));
        }
        Map.Entry<String, List<Comparison>> top = wins.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow();
        Comparison example = typical(top.getValue());
        Comparison.Option best = example.winner().orElseThrow();
        int topWins = top.getValue().size();
        int allWins = wins.values().stream().mapToInt(List::size).sum();
        String byOption = wins.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Comparison>> e) -> e.getValue().size()).reversed())
                .map(e -> e.getKey() + " " + e.getValue().size())
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String tally = "a winner in " + allWins + " of " + comparisons.size() + " comparison(s): " + byOption;
        // A winner of half the comparisons or fewer is no advice: "consistently" means most, as for "avoid"; at
        // exactly half, one fork more or less flips the row between runs. (Most of all comparisons is also more
        // than all other options' wins together, so no tie can pass.)
        if (2 * topWins <= comparisons.size()) {
            return Optional.of(new Row(workload, regime, "no `" + param + "` wins consistently" + avoidNote,
                    tally + "; e.g. " + facts(best, nextTo(example, best), example), "", avoided, comparisons.size()));
        }
        // A winner only because every other option fails on most operations says so: it is the least bad, not good.
        String onlyOne = top.getValue().stream().allMatch(AnswerSection::onlyMostlySucceeding)
                ? " (the only option under which most operations surely succeed)" : "";
        return Optional.of(new Row(workload, regime, "**" + param + "=" + top.getKey() + "**" + onlyOne
                + cost(param, top.getKey()).map(cost -> ", " + cost).orElse("") + avoidNote,
                tally + "; e.g. " + facts(best, nextTo(example, best), example), param + "=" + top.getKey(), avoided, comparisons.size()));
    }

    /** The option a winner is best shown against: the fastest other one under which most operations succeed, if any. */
    private static Comparison.Option nextTo(Comparison c, Comparison.Option winner) {
        return c.options().stream().filter(o -> o != winner)
                .min(Comparator.comparing((Comparison.Option o) -> !o.mostlySucceeds())
                        .thenComparing(Comparator.comparingDouble((Comparison.Option o) -> o.rate().value()).reversed()))
                .orElseThrow();
    }

    /** What an option costs beyond the numbers: a fact the strategy states. */
    private static Optional<String> cost(String param, String value) {
        if (param.equals(Run.READER)) {
            double stale = java.util.Arrays.stream(ReaderStrategy.values()).filter(r -> r.name().equals(value))
                    .mapToDouble(ReaderStrategy::stalenessMillis).findFirst().orElse(0);
            if (stale > 0) {
                return Optional.of("at the cost of reads up to " + Fmt.num(stale) + " ms stale");
            }
        }
        return Optional.empty();
    }

    /**
     * "avoid X" when every other option dominates X ({@link #worst}, each pair decided by
     * {@link Comparison}'s own rule first) in most of the comparisons of three or more options it
     * is part of (with two, the loser is just the other side of the winner).
     */
    private static Optional<Avoid> avoid(List<Comparison> comparisons) {
        Map<String, int[]> lostOfAll = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            if (c.options().size() < 3) {
                continue;
            }
            for (Comparison.Option o : c.options()) {
                int[] counts = lostOfAll.computeIfAbsent(o.value(), k -> new int[2]);
                counts[1]++;
                if (worst(c, o)) {
                    counts[0]++;
                }
            }
        }
        return lostOfAll.entrySet().stream().filter(e -> 2 * e.getValue()[0] > e.getValue()[1])
                .max(Comparator.comparingInt(e -> e.getValue()[0]))
                .map(e -> {
                    String option = comparisons.get(0).param() + "=" + e.getKey();
                    return new Avoid(option, "**avoid " + option + "** (worst in " + e.getValue()[0] + " of " + e.getValue()[1]
                            + " comparisons" + cost(comparisons.get(0).param(), e.getKey()).map(c -> "; " + c).orElse("") + ")");
                });
    }

    /**
     * Whether every other option dominates {@code o}: beats it in a comparison of the two alone, or
     * fails significantly less often (by a percentage point or more) without being significantly
     * slower; the second catches options that both fail on most operations, where no winner is named.
     * Both tests are the comparison's own (within rounds where the two shared them; failures on the
     * logit scale), not a second set of rules for the same two options.
     */
    static boolean worst(Comparison c, Comparison.Option o) {
        return c.options().stream().filter(other -> other != o).allMatch(other -> {
            Comparison two = c.pair(o, other);
            return two.winner().filter(w -> w == other).isPresent()
                    || (two.failsMoreOften(o, other) && !(o.rate().value() > other.rate().value() && two.rateP(o, other) < Stats.ALPHA));
        });
    }

    /** The median comparison by how far its best option is ahead of the next: typical, not extreme. */
    private static Comparison typical(List<Comparison> comparisons) {
        List<Comparison> byRatio = comparisons.stream().sorted(Comparator.comparingDouble(AnswerSection::ratio)).toList();
        return byRatio.get((byRatio.size() - 1) / 2);
    }

    private static boolean nothingToRetry(Comparison c) {
        return c.options().stream().map(o -> o.config().op().orElseThrow())
                .allMatch(r -> r.total(i -> i.attempts() - i.ok()) == 0 && r.total(Role.Iteration::retries) == 0
                        && r.total(Role.Iteration::busyWaits) == 0);
    }

    private static boolean onlyMostlySucceeding(Comparison c) {
        return c.ranked().size() == 1 && c.options().size() > 1;
    }

    private static boolean significant(Comparison c) {
        return c.beats(c.ranked().get(0), c.runnerUp());
    }

    private static boolean oneFork(Comparison c) {
        return c.options().stream().anyMatch(o -> o.rate().forks().size() < 2);
    }

    private static double ratio(Comparison c) {
        return c.ranked().get(0).rate().value() / Math.max(c.runnerUp().rate().value(), 1e-9);
    }

    /** The regime a row's comparisons ran in: busy timeouts and churn rates. */
    static String regime(List<Comparison> comparisons) {
        List<Result> configs = comparisons.stream().flatMap(c -> c.options().stream()).map(Comparison.Option::config).toList();
        TreeSet<Double> timeouts = new TreeSet<>();
        configs.stream().map(c -> c.param(Run.BUSY_TIMEOUT)).filter(java.util.Objects::nonNull).map(Double::parseDouble)
                .forEach(timeouts::add);
        String timeout = timeouts.isEmpty() ? "busy timeout not recorded"
                : "busy timeout " + timeouts.stream().map(AnswerSection::duration).collect(Collectors.joining(", "));
        List<String> churn = new ArrayList<>();
        for (String param : List.of(Run.DDL_PER_SECOND, Run.REGISTRATIONS_PER_SECOND)) {
            TreeSet<Double> paced = new TreeSet<>();
            configs.stream().filter(c -> c.param(param) != null).forEach(c -> pacedRate(c).ifPresent(paced::add));
            if (!paced.isEmpty()) {
                churn.add("paced " + paced.stream().map(AnswerSection::setting).collect(Collectors.joining(", "))
                        + (param.equals(Run.REGISTRATIONS_PER_SECOND) ? " registrations/s" : " DDL/s"));
            }
        }
        List<Result> unpaced = configs.stream().filter(c -> pacedRate(c).isEmpty() && c.ddl().isPresent()).toList();
        if (!unpaced.isEmpty()) {
            double min = unpaced.stream().mapToDouble(c -> c.ddl().get().rate().value()).min().orElseThrow();
            double max = unpaced.stream().mapToDouble(c -> c.ddl().get().rate().value()).max().orElseThrow();
            churn.add("unpaced, " + (min == max ? Fmt.num(min) : Fmt.num(min) + "–" + Fmt.num(max)) + " DDL/s");
        }
        return timeout + "; " + String.join(" and ", churn);
    }

    static String duration(double ms) {
        return ms >= 1000 ? setting(ms / 1000) + " s" : setting(ms) + " ms";
    }

    /** A configured value as it was set: 10, 1,000, 0.5. */
    private static String setting(double value) {
        return value == Math.rint(value) ? Fmt.count(value) : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String facts(Comparison.Option best, Comparison.Option next, Comparison c) {
        String where = c.contextText().isEmpty() ? "" : " (" + c.contextText() + ")";
        double p = c.rateP(best, next);
        double pFailed = c.failedP(best, next);
        boolean onFailures = !(p < Stats.ALPHA) && pFailed < Stats.ALPHA && best.failed().value() < next.failed().value();
        return option(best) + " vs " + option(next)
                + c.testText(best, next)
                + (onFailures ? "; fewer failures, p = " + Fmt.p(pFailed) : "") + where;
    }

    /** One option's figures: successes per second, failure share, latency of successes, this suite's busy handler's sleeps, the churner's own failures. */
    private static String option(Comparison.Option o) {
        return o.value() + " " + o.rate().text() + " ok/s, " + o.failed().percent() + " failed"
                + latency(o.config()).map(l -> ", " + l).orElse("")
                + busySleeps(o.config()).map(b -> ", " + b).orElse("")
                + o.config().ddl().map(d -> ", DDL failed " + d.failedShare().percent()).orElse("");
    }

    /**
     * How often this suite's own busy handler ({@code retry=BUSY_HANDLER}) slept inside the
     * operations, and how long each sleep was on average: where nothing failed, the reason its
     * option differs from SQLite's own busy_timeout, whose sleeps (1, 2, 5, … 100 ms) nothing outside
     * SQLite can count. Empty where it never slept.
     */
    static Optional<String> busySleeps(Result c) {
        return c.op().filter(role -> role.total(Role.Iteration::busyWaits) > 0).map(role -> {
            double sleeps = role.total(Role.Iteration::busyWaits);
            double sleptMicros = role.total(i -> i.latencyMicros().getOrDefault(CounterNames.LOCK_WAIT_MICROS, 0.0));
            return "busy handler slept " + Fmt.num(100 * sleeps / role.total(Role.Iteration::attempts))
                    + " times per 100 operations, " + Fmt.num(sleptMicros / sleeps / 1000) + " ms each";
        });
    }

    /**
     * p50/p99/p99.9 of successful operations, where the run recorded them: every answer row's
     * example and the seed verdict's page facts show it beside the rates. Empty for results from
     * before the latency counters.
     */
    static Optional<String> latency(Result c) {
        return c.op().flatMap(role -> role.latency(CounterNames.OK_P50_MICROS).flatMap(p50 ->
                role.latency(CounterNames.OK_P99_MICROS).flatMap(p99 -> role.latency(CounterNames.OK_P999_MICROS)
                        .map(p999 -> "p50/p99/p99.9 " + Fmt.num(p50) + "/" + Fmt.num(p99) + "/" + Fmt.num(p999) + " µs"))));
    }
}
