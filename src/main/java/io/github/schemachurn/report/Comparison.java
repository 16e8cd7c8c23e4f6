package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The values of one param compared with everything else equal: same benchmark, same other params,
 * the operation counted while the schema changed. The winner is the option with the most successful
 * operations per second, named only when it is significantly ahead of every other eligible option
 * (Welch's t-test on per-fork rates, {@link Stats#ALPHA}), its forks agree, and it does not fail
 * significantly more often than any of them (faster but failing more is a trade-off, not a win);
 * with no difference in rates, the option with significantly fewer failures wins. An option under
 * which most operations fail is not eligible while another option exists.
 *
 * @param context the other params' values (those that vary in the whole run), for the reader
 */
record Comparison(String param, SortedMap<String, String> context, List<Option> options) {

    record Option(String value, Result config) {
        Estimate rate() {
            return config.op().orElseThrow().rate();
        }

        Estimate failed() {
            return config.op().orElseThrow().failedShare();
        }

        boolean majorityFails() {
            return failed().value() > 0.5;
        }
    }

    Comparison {
        context = new TreeMap<>(context);
        options = List.copyOf(options);
    }

    /** Every comparison of {@code param} among churn configurations that pass {@code filter}. */
    static List<Comparison> of(List<Result> configs, String param, Predicate<Result> filter) {
        List<Result> churn = configs.stream().filter(Result::churn).filter(filter).filter(c -> c.param(param) != null).toList();
        List<String> varied = Result.varied(churn);
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
                    group.stream().map(c -> new Option(c.param(param), c)).toList()));
        }
        return comparisons;
    }

    /** This comparison between two of its options alone, decided by the same rule. */
    Comparison pair(Option a, Option b) {
        return new Comparison(param, context, List.of(a, b));
    }

    /** Options that may be recommended: not failing on most operations, unless all do. */
    List<Option> eligible() {
        List<Option> mostlyOk = options.stream().filter(o -> !o.majorityFails()).toList();
        return mostlyOk.isEmpty() ? options : mostlyOk;
    }

    /** Eligible options by successful operations per second, best first. */
    List<Option> ranked() {
        return eligible().stream().sorted(Comparator.comparingDouble((Option o) -> o.rate().value()).reversed()).toList();
    }

    /** The significant winner, if there is one. */
    java.util.Optional<Option> winner() {
        List<Option> ranked = ranked();
        if (ranked.size() == 1 && options.size() > 1 && !ranked.get(0).rate().forksDisagree()) {
            return java.util.Optional.of(ranked.get(0)); // every other option fails on most operations
        }
        if (ranked.size() < 2) {
            return java.util.Optional.empty();
        }
        Option best = ranked.get(0);
        if (best.rate().forksDisagree() || best.majorityFails()) {
            return java.util.Optional.empty(); // never advise an option under which most operations fail
        }
        boolean ahead = ranked.stream().skip(1).allMatch(o -> Stats.significant(best.rate().forks(), o.rate().forks()));
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
        return fastest.majorityFails() ? java.util.Optional.empty()
                : ranked.stream().skip(1).filter(o -> failsMoreOften(fastest, o)).findFirst();
    }

    private static boolean failsMoreOften(Option a, Option b) {
        return a.failed().value() - b.failed().value() >= 0.01 && Stats.significant(a.failed().forks(), b.failed().forks());
    }

    /**
     * With no significant difference in successful operations, the option whose failure share is
     * lower than every other's by at least a percentage point, significantly, is still the one to use.
     */
    private static java.util.Optional<Option> fewestFailures(List<Option> eligible) {
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
                .sorted(Comparator.comparing((Option o) -> o.majorityFails() && !best.majorityFails())
                        .thenComparing(Comparator.comparingDouble((Option o) -> o.rate().value()).reversed()))
                .findFirst().orElseThrow();
    }

    String contextText() {
        return context.isEmpty() ? "" : context.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
