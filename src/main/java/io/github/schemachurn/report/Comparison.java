package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.ErrorClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The values of one param compared with everything else equal: same benchmark, same other params,
 * the operation counted while the schema changed, and its winner ({@link #winner}) by the rule
 * {@link DecisionRule} states and pools. Options measured in the same rounds (cli/Rounds) are
 * compared within rounds ({@link #paired}); results without rounds fall back to Welch's t-test over
 * forks.
 *
 * @param context the other params' values (those that vary in the whole run), for the reader
 * @param noise   the run's noise floor
 */
record Comparison(String param, SortedMap<String, String> context, List<Option> options, NoiseFloor noise) {

    record Option(String value, Result config) {
        Estimate rate() {
            return config.op().orElseThrow().rate();
        }

        Estimate failed() {
            return config.op().orElseThrow().failedShare();
        }

        boolean majorityFails() {
            return failed().value() > DecisionRule.MOST;
        }

        /**
         * Whether most of this option's operations surely succeed: its failed share's 95 % interval
         * lies below {@link DecisionRule#MOST} (its value, with one fork). Only such an option may be recommended while
         * one exists: a share whose interval straddles a half (46.6 %, 35.9-57.6 %) says "most fail"
         * in one run and not in the next, and the advice must not turn on that.
         */
        boolean mostlySucceeds() {
            double high = failed().high();
            return (Double.isNaN(high) ? failed().value() : high) < DecisionRule.MOST;
        }

        Map<String, Double> roundRates() {
            return NoiseFloor.byRound(config);
        }

        /** Per fork, the failed share as an empirical logit. */
        List<Double> failedLogits() {
            return config.op().orElseThrow().failedLogits();
        }

        /** Per fork, the share of attempts that failed with this error class, as an empirical logit. */
        List<Double> failedLogits(ErrorClass error) {
            return config.op().orElseThrow().failedLogits(error);
        }
    }

    Comparison {
        context = new TreeMap<>(context);
        options = List.copyOf(options);
    }

    /** Every comparison of {@code param} among the run's churn configurations that pass {@code filter}, with the run's noise floor. */
    static List<Comparison> of(Run run, String param, Predicate<Result> filter) {
        return of(run.configs, run.noise(), param, filter);
    }

    /** The same without a noise floor (results without A/A controls). */
    static List<Comparison> of(List<Result> configs, String param, Predicate<Result> filter) {
        return of(configs, NoiseFloor.NONE, param, filter);
    }

    static List<Comparison> of(List<Result> configs, NoiseFloor noise, String param, Predicate<Result> filter) {
        List<Result> churn = configs.stream().filter(Result::churn).filter(filter).filter(c -> c.param(param) != null).toList();
        List<String> varied = Result.varied(churn.stream().toList());
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result c : churn) {
            SortedMap<String, String> others = new TreeMap<>(c.params());
            others.remove(param);
            groups.computeIfAbsent(c.benchmark() + others, k -> new ArrayList<>()).add(c);
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (List<Result> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            SortedMap<String, String> context = new TreeMap<>();
            varied.stream().filter(p -> !p.equals(param)).forEach(p -> context.put(p, group.get(0).param(p)));
            context.values().removeIf(java.util.Objects::isNull);
            comparisons.add(new Comparison(param, context,
                    group.stream().map(c -> new Option(c.param(param), c)).toList(), noise));
        }
        return comparisons;
    }

    /** This comparison between two of its options alone, decided by the same rule. */
    Comparison pair(Option a, Option b) {
        return new Comparison(param, context, List.of(a, b), noise);
    }

    /** Options that may be recommended: most of their operations surely succeed, unless none does. */
    List<Option> eligible() {
        List<Option> mostlyOk = options.stream().filter(Option::mostlySucceeds).toList();
        return mostlyOk.isEmpty() ? options : mostlyOk;
    }

    /** Eligible options by successful operations per second, best first. */
    List<Option> ranked() {
        return eligible().stream().sorted(Comparator.comparingDouble((Option o) -> o.rate().value()).reversed()).toList();
    }

    /** The significant winner, if there is one. */
    java.util.Optional<Option> winner() {
        List<Option> ranked = ranked();
        if (ranked.size() == 1 && options.size() > 1) {
            // Every other option may fail on most operations: the one left wins only if it also fails
            // significantly less often than each of them (an interval reaching past a half from 17 %
            // is too little evidence to crown the other option).
            Option only = ranked.get(0);
            boolean clearly = !unsettled(only) && options.stream().filter(o -> o != only).allMatch(o -> failsMoreOften(o, only));
            return clearly ? java.util.Optional.of(only) : java.util.Optional.empty();
        }
        if (ranked.size() < 2) {
            return java.util.Optional.empty();
        }
        Option best = ranked.get(0);
        if (unsettled(best) || !best.mostlySucceeds()) {
            return java.util.Optional.empty(); // never advise an option under which most operations may fail
        }
        boolean ahead = ranked.stream().skip(1).allMatch(o -> beats(best, o));
        if (ahead) {
            return tradeOff().isPresent() ? java.util.Optional.empty() : java.util.Optional.of(best);
        }
        return fewestFailures(ranked);
    }

    /**
     * The option that fails significantly less often, by at least a percentage point, than the
     * fastest one, if the fastest is recommendable at all (most of its operations succeed): more
     * successes per second bought with more failed operations (each a failed page or job), which
     * only the reader can weigh.
     */
    java.util.Optional<Option> tradeOff() {
        List<Option> ranked = ranked();
        Option fastest = ranked.get(0);
        return !fastest.mostlySucceeds() ? java.util.Optional.empty()
                : ranked.stream().skip(1).filter(o -> failsMoreOften(fastest, o)).findFirst();
    }

    /** Whether a fails more often than b: by {@link DecisionRule#FAILED_SHARE_GAP} or more, and significantly ({@link #failedP}). */
    boolean failsMoreOften(Option a, Option b) {
        return a.failed().value() - b.failed().value() >= DecisionRule.FAILED_SHARE_GAP && failedP(a, b) < Stats.ALPHA;
    }

    /**
     * Whether an option's rate is too unsettled to name it the winner: its forks disagree and nothing
     * pairs them. Within rounds the paired test over the rounds' ratios already carries that spread:
     * a reader 2.4 to 5 times faster than the next in every round wins even if its own forks land
     * at 332k and 709k reads/s.
     */
    private boolean unsettled(Option o) {
        return !paired() && o.rate().forksDisagree();
    }

    /** Rounds every option ran in. */
    java.util.Set<String> sharedRounds() {
        java.util.Set<String> shared = new java.util.TreeSet<>(options.get(0).roundRates().keySet());
        options.forEach(o -> shared.retainAll(o.roundRates().keySet()));
        return shared;
    }

    /** Whether the options are compared within rounds: two or more rounds in which every option ran. */
    boolean paired() {
        return sharedRounds().size() >= 2;
    }

    /** Per shared round, ln(a's rate / b's rate). */
    List<Double> logRatios(Option a, Option b) {
        Map<String, Double> x = a.roundRates();
        Map<String, Double> y = b.roundRates();
        return sharedRounds().stream().map(r -> Stats.logRatio(x.get(r), y.get(r))).toList();
    }

    /** The p-value of a's rate against b's: paired over rounds, or Welch's over forks without rounds. */
    double rateP(Option a, Option b) {
        return paired() ? Stats.pairedP(logRatios(a, b)) : Stats.welchP(a.rate().forks(), b.rate().forks());
    }

    /**
     * The same for the failed shares, on the logit scale their intervals use: paired on the per-round
     * differences of empirical logits, or Welch's over the forks' logits. On the share itself a reader
     * that never fails against one failing 1.5 % to 26 % of the time in different rounds was not
     * significant over four rounds; on the logit scale "none" against "some" is a large, steady gap.
     */
    double failedP(Option a, Option b) {
        return logitP(a, b, Option::failedLogits);
    }

    /** The same test for the share of one error class alone (code 17, say). */
    double failedP(Option a, Option b, ErrorClass error) {
        return logitP(a, b, o -> o.failedLogits(error));
    }

    /** Per round the mean of each option's fork logits, then the paired test on their differences; Welch's over forks without rounds. */
    private double logitP(Option a, Option b, Function<Option, List<Double>> logits) {
        if (!paired()) {
            return Stats.welchP(logits.apply(a), logits.apply(b));
        }
        Map<String, Double> x = NoiseFloor.byRound(a.config(), logits.apply(a));
        Map<String, Double> y = NoiseFloor.byRound(b.config(), logits.apply(b));
        return Stats.pairedP(sharedRounds().stream().map(r -> x.get(r) - y.get(r)).toList());
    }

    /**
     * Whether a's rate is really above b's. Paired: significant on the paired test and its
     * geometric-mean ratio above the noise floor even with the round most in a's favour left out
     * ({@link Stats#meanWithoutLargest}). Unpaired: Welch's test alone.
     */
    boolean beats(Option a, Option b) {
        double p = rateP(a, b);
        if (!(p < Stats.ALPHA)) {
            return false;
        }
        return !paired() || Stats.meanWithoutLargest(logRatios(a, b)) > noise.log();
    }

    /** The statistics behind a's lead over b, for the reader: p, and paired the ratio against the floor. */
    String testText(Option a, Option b) {
        double p = rateP(a, b);
        if (!paired()) {
            return Double.isNaN(p) ? ", one fork" : ", p = " + Fmt.p(p) + " (unpaired: Welch, forks)";
        }
        double ratio = Math.exp(Stats.mean(logRatios(a, b))) - 1;
        double withoutBest = Math.exp(Stats.meanWithoutLargest(logRatios(a, b))) - 1;
        return ", " + Fmt.change(1, 1 + ratio) + " paired over " + sharedRounds().size() + " rounds (" + Fmt.change(1, 1 + withoutBest)
                + " without its best), p = " + Fmt.p(p) + ", floor +" + Fmt.pct(100 * noise.relative());
    }

    /**
     * With no significant difference in successful operations, the option whose failure share is
     * lower than every other's by at least a percentage point, significantly, is still the one to use.
     */
    private java.util.Optional<Option> fewestFailures(List<Option> eligible) {
        Option fewest = eligible.stream().min(Comparator.comparingDouble((Option o) -> o.failed().value())).orElseThrow();
        boolean fewer = eligible.stream().filter(o -> o != fewest).allMatch(o -> failsMoreOften(o, fewest));
        return fewer ? java.util.Optional.of(fewest) : java.util.Optional.empty();
    }

    /** Whether most operations fail under every option. */
    boolean allMostlyFail() {
        return options.stream().allMatch(Option::majorityFails);
    }

    /** The option next to the best one: the second eligible one, or the best of the rest. */
    Option runnerUp() {
        Option best = ranked().get(0);
        return options.stream().filter(o -> o != best)
                .sorted(Comparator.comparing((Option o) -> !o.mostlySucceeds() && best.mostlySucceeds())
                        .thenComparing(Comparator.comparingDouble((Option o) -> o.rate().value()).reversed()))
                .findFirst().orElseThrow();
    }

    String contextText() {
        return context.isEmpty() ? "" : context.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
