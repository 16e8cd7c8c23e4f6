package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ReaderStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The decision rule, in one place: the ladder that turns every comparison of one choice into an
 * answer row ("use X", "avoid Y", "a trade-off", "no measurable difference" ...), the constants it
 * decides by, and the rule's text for the reader ({@link #text}, {@link #poolingText}), written from
 * those same constants. A comparison's own winner is {@link Comparison#winner}; the tests behind it
 * are {@link Comparison#beats} (rates) and {@link Comparison#failsMoreOften} (failed shares).
 */
public final class DecisionRule {
    /** "Most operations": an option is eligible only while its failed share's interval lies below this share. */
    static final double MOST = 0.5;
    /** The smallest difference in failed share that counts as failing more often (with significance). */
    static final double FAILED_SHARE_GAP = 0.01;
    /** "Avoid" is judged only in comparisons of this many options or more: with two, the loser is the other side of the winner. */
    static final int AVOID_MIN_OPTIONS = 3;
    /** A diagnostic reader (it checks every result's columns): watched, never a choice. */
    static final String DIAGNOSTIC_READER = ReaderStrategy.COLUMN_CHECKED.name();
    /** The params the answer table decides, for counting its tests. */
    static final List<String> ANSWER_PARAMS = List.of(Run.JOURNAL, Run.DDL, Run.READER, Run.RETRY, Run.BUSY_TIMEOUT, Run.PREPARE);

    /**
     * A winner must win more than this share of its comparisons, an avoided option lose more. At
     * exactly half, one fork more or less flips the row between runs; more than half of all
     * comparisons is also more than all other options' wins together, so no tie can pass.
     */
    static final double MAJORITY = 0.5;

    private DecisionRule() {}

    static boolean majority(int count, int of) {
        return count > MAJORITY * of;
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

    /** Every comparison of {@code param} among configurations that pass {@code filter}, diagnostic options left out; none for the busy timeout. */
    static List<Comparison> comparisons(Run run, String param, Predicate<Result> filter) {
        if (param.equals(Run.BUSY_TIMEOUT)) {
            return List.of(); // a shorter timeout's "advantage" is failing fast
        }
        return Comparison.of(run, param, filter.and(c -> !DIAGNOSTIC_READER.equals(c.param(Run.READER))));
    }

    /** One row from every comparison of {@code param} among configurations that pass {@code filter} ({@link #comparisons}). */
    public static Optional<Row> decide(Run run, String param, Predicate<Result> filter, String workload) {
        return decide(param, comparisons(run, param, filter), workload);
    }

    /** One row from these comparisons of {@code param}; empty without comparisons. */
    static Optional<Row> decide(String param, List<Comparison> comparisons, String workload) {
        if (comparisons.isEmpty()) {
            return Optional.empty();
        }
        String regime = Regime.of(comparisons);
        Optional<Avoid> avoid = avoid(comparisons);
        String avoided = avoid.map(Avoid::option).orElse("");
        String avoidNote = avoid.map(a -> "; " + a.text()).orElse("");

        Map<String, List<Comparison>> wins = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            c.winner().ifPresent(w -> wins.computeIfAbsent(w.value(), k -> new ArrayList<>()).add(c));
        }
        if (param.equals(Run.RETRY) && comparisons.stream().allMatch(DecisionRule::nothingToRetry)) {
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
            boolean anyDifference = comparisons.stream().anyMatch(DecisionRule::significant);
            List<Comparison> tradeOffs = comparisons.stream().filter(x -> x.tradeOff().isPresent()).toList();
            if (!tradeOffs.isEmpty()) {
                Comparison t = tradeOffs.get((tradeOffs.size() - 1) / 2);
                return Optional.of(new Row(workload, regime, "no `" + param + "` can be recommended: a trade-off"
                        + avoidNote,
                        "the faster option fails significantly more often in " + tradeOffs.size() + " of " + comparisons.size()
                                + " comparison(s); e.g. " + facts(t.ranked().get(0), t.tradeOff().orElseThrow(), t), "", avoided, comparisons.size()));
            }
            if (!anyDifference && comparisons.stream().allMatch(DecisionRule::oneFork)) {
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
        if (!majority(topWins, comparisons.size())) { // "consistently" means most, as for "avoid"
            return Optional.of(new Row(workload, regime, "no `" + param + "` wins consistently" + avoidNote,
                    tally + "; e.g. " + facts(best, nextTo(example, best), example), "", avoided, comparisons.size()));
        }
        // A winner only because every other option fails on most operations says so: it is the least bad, not good.
        String onlyOne = top.getValue().stream().allMatch(DecisionRule::onlyMostlySucceeding)
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
     * {@link Comparison}'s own rule first) in most of the comparisons of {@link #AVOID_MIN_OPTIONS}
     * or more options it is part of.
     */
    private static Optional<Avoid> avoid(List<Comparison> comparisons) {
        Map<String, int[]> lostOfAll = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            if (c.options().size() < AVOID_MIN_OPTIONS) {
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
        return lostOfAll.entrySet().stream().filter(e -> majority(e.getValue()[0], e.getValue()[1]))
                .max(Comparator.comparingInt(e -> e.getValue()[0]))
                .map(e -> {
                    String option = comparisons.get(0).param() + "=" + e.getKey();
                    return new Avoid(option, "**avoid " + option + "** (worst in " + e.getValue()[0] + " of " + e.getValue()[1]
                            + " comparisons" + cost(comparisons.get(0).param(), e.getKey()).map(c -> "; " + c).orElse("") + ")");
                });
    }

    /**
     * Whether every other option dominates {@code o}: beats it in a comparison of the two alone, or
     * fails significantly less often ({@link Comparison#failsMoreOften}) without being significantly
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
        List<Comparison> byRatio = comparisons.stream().sorted(Comparator.comparingDouble(DecisionRule::ratio)).toList();
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

    /** How a winner is decided, and how many tests the decisions rest on: the answer table's preamble, written from the constants above. */
    public static String text(Run run) {
        int paired = 0;
        int unpaired = 0;
        for (String param : ANSWER_PARAMS) {
            for (Comparison c : Comparison.of(run, param, x -> true)) {
                int tests = Math.max(c.eligible().size() - 1, 0);
                if (c.paired()) {
                    paired += tests;
                } else {
                    unpaired += tests;
                }
            }
        }
        NoiseFloor noise = run.noise();
        String interval = Fmt.count(100 * (1 - Stats.ALPHA)) + " % interval";
        return "Each row pools every comparison of one choice with all else equal. A comparison's winner is the only "
                + "option under which most operations surely succeed (its failed share's " + interval + " below " + share(MOST, true) + ") and "
                + "it fails significantly less often than each other option, or has "
                + "the most successful operations per second and beats every other option, with agreeing forks where the "
                + "options were not paired in rounds, and without failing significantly more often (faster but failing "
                + "more is a trade-off, left to you), or fails significantly less often (by " + points(FAILED_SHARE_GAP) + " or more) where "
                + "the rates do not differ (failed shares are tested on the logit scale their intervals use, per round: "
                + "ln((failed + ½) / (ok + ½))). Beating is decided within rounds: the options ran interleaved, one fork of each per "
                + "round in a fresh random order, and per round the log of their rate ratio is taken; the winner needs both a "
                + "significant paired test over the rounds (paired t-test below " + Stats.WILCOXON_ROUNDS + " rounds, Wilcoxon "
                + "signed-rank from " + Stats.WILCOXON_ROUNDS + "; p < " + Stats.ALPHA + ") and a geometric-mean ratio above "
                + "the run's noise floor even with the round most in its favour left out (a lead that clears the floor only "
                + "thanks to one round changed between runs). The floor is " + noise.text() + ": " + NoiseFloor.Z + " × a robust SD (median absolute value / "
                + NoiseFloor.MAD_NORMAL + ") of the A/A controls' per-round log ratios (one configuration run twice in every "
                + "round), the smallest difference this run can call real; robust, so that a few very noisy studies do not set "
                + "it for all. "
                + "Results without rounds (plain `-rf json` files) are compared unpaired: Welch's t-test on per-fork rates, "
                + "no floor, marked \"unpaired\"; one fork is never significant. An option is recommended only if it wins more "
                + "than " + share(MAJORITY, false) + " of the comparisons and more of them than all other options together; an option under which most "
                + "operations may fail is never recommended while another exists. ± is a " + interval + " over rounds (over forks "
                + "without rounds). The comparisons of the answer's params make " + paired + " paired and " + unpaired
                + " unpaired tests of the best option against another: at p < " + Stats.ALPHA + " chance alone would make about "
                + Fmt.num(Stats.ALPHA * (paired + unpaired)) + " of them significant; the floor is there to keep those out "
                + "(the measurement checks count the A/A controls it let through).";
    }

    /** What a row pools beyond a comparison's winner: the "avoid" mark, and what is never a row or a candidate. */
    public static String poolingText() {
        return "\"Avoid\" marks an option that every other one beats, or fails significantly less often than without being "
                + "slower, in most of its comparisons of " + count(AVOID_MIN_OPTIONS) + " or more options. The busy timeout itself is never a row: a "
                + "shorter one only trades waiting for failing. "
                + "Diagnostic options (`" + Run.READER + "=" + DIAGNOSTIC_READER + "`) are not candidates.";
    }

    /** A share in words: "(a) half" for 0.5, otherwise a percentage. */
    private static String share(double share, boolean article) {
        return share == 0.5 ? (article ? "a half" : "half") : Fmt.pct(100 * share);
    }

    /** A difference in share in percentage points: "a percentage point" for 0.01. */
    private static String points(double share) {
        return share == 0.01 ? "a percentage point" : Fmt.num(100 * share) + " percentage points";
    }

    private static String count(int n) {
        return n == 3 ? "three" : String.valueOf(n);
    }
}
