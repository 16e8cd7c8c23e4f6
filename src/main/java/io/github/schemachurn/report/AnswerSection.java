package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The first screen: one decision table computed from every comparison in the run (journal mode,
 * then DDL strategy, then large schemas, then retry settings, then reader remedies), and the
 * verdict on the seed's claim ({@link SeedClaim}).
 */
final class AnswerSection {
    private AnswerSection() {}

    static void render(Run run, Md md) {
        md.section("Answer", s -> {
            s.para("Each row pools every comparison of one choice with all else equal. A comparison's winner is the only "
                    + "option under which most operations succeed, or has the most successful operations per second, "
                    + "significantly ahead of every other option (Welch's t-test on per-fork rates, p < " + Stats.ALPHA
                    + "; one fork is never significant), with agreeing forks and without failing significantly more often "
                    + "(faster but failing more is a trade-off, left to you), or failing significantly less often where the "
                    + "rates do not differ. An option is recommended only if it wins at "
                    + "least half of the comparisons and more of them than all other options together; an option under "
                    + "which most operations fail is never recommended while another exists. ± is a 95 % interval.");
            Md.Table table = new Md.Table("if your workload is", "do", "because");
            for (Row row : rows(run)) {
                table = table.with(row.workload(), row.advice(), row.because() + ComparisonCharts.links(run, row.workload()));
            }
            s.table(table);
            s.para(SeedClaim.verdict(run));
        });
    }

    record Row(String workload, String advice, String because) {}

    static List<Row> rows(Run run) {
        List<Row> rows = new ArrayList<>();
        decide(run, Run.JOURNAL, c -> true, "any schema churn").ifPresent(rows::add);
        for (String journal : run.values(Run.JOURNAL)) {
            Predicate<Result> inJournal = c -> journal.equals(c.param(Run.JOURNAL));
            decide(run, Run.DDL, inJournal.and(AnswerSection::smallSchema), journal + ": how to wrap DDL").ifPresent(rows::add);
        }
        largestSchema(run).ifPresent(max -> {
            Predicate<Result> large = c -> max.equals(c.param(Run.EXTRA_TABLES));
            decide(run, Run.READER, large, "large schema (" + max + " extra tables) under churn: how to read").ifPresent(rows::add);
            decide(run, Run.DDL, large, "large schema (" + max + " extra tables): how to wrap DDL").ifPresent(rows::add);
        });
        decide(run, Run.PREPARE, c -> true, "your driver's prepare call (PHP's PDO up to 7.1 used the legacy one)")
                .ifPresent(rows::add);
        ThresholdSection.cost(run.configs).ifPresent(cost -> rows.add(new Row("fast churn on a large schema",
                "keep DDL commits below 1 / re-prepare cost",
                "a stale re-prepare costs " + Fmt.num(cost.slope()) + " µs per extra table: at 1,000 tables that is "
                        + Fmt.num(ThresholdSection.boundary(cost, 1000)) + " DDL/s (see the threshold model)")));
        for (String param : List.of(Run.RETRY, Run.BUSY_TIMEOUT, Run.READER)) {
            for (String journal : run.values(Run.JOURNAL)) {
                Predicate<Result> inJournal = c -> journal.equals(c.param(Run.JOURNAL));
                decide(run, param, inJournal.and(AnswerSection::smallSchema), journal + ": choosing `" + param + "`").ifPresent(rows::add);
            }
        }
        return rows;
    }

    private static boolean smallSchema(Result c) {
        return c.param(Run.EXTRA_TABLES) == null || Double.parseDouble(c.param(Run.EXTRA_TABLES)) == 0;
    }

    private static Optional<String> largestSchema(Run run) {
        return run.configs.stream().filter(Result::churn).map(c -> c.param(Run.EXTRA_TABLES)).filter(v -> v != null && !v.equals("0"))
                .max(java.util.Comparator.comparingDouble(Double::parseDouble));
    }

    /** One row from every comparison of {@code param} among configurations that pass {@code filter}. */
    static Optional<Row> decide(Run run, String param, Predicate<Result> filter, String workload) {
        List<Comparison> comparisons = Comparison.of(run.configs, param, filter);
        if (comparisons.isEmpty()) {
            return Optional.empty();
        }
        ComparisonCharts.answer(run, param, comparisons, workload);
        Map<String, List<Comparison>> wins = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            c.winner().ifPresent(w -> wins.computeIfAbsent(w.value(), k -> new ArrayList<>()).add(c));
        }
        if (wins.isEmpty() && comparisons.stream().allMatch(Comparison::allMostlyFail)) {
            Comparison c = comparisons.get(0);
            return Optional.of(new Row(workload, "no `" + param + "` helps: most operations fail under every option",
                    "in all " + comparisons.size() + " comparison(s); e.g. " + facts(c.ranked().get(0), c.runnerUp(), c)));
        }
        if (wins.isEmpty()) {
            Comparison c = comparisons.get(0);
            Comparison.Option best = c.ranked().get(0);
            Comparison.Option next = c.runnerUp();
            boolean anyDifference = comparisons.stream().anyMatch(AnswerSection::significant);
            Optional<Comparison> tradeOff = comparisons.stream().filter(x -> x.tradeOff().isPresent()).findFirst();
            if (tradeOff.isPresent()) {
                Comparison t = tradeOff.get();
                return Optional.of(new Row(workload, "no `" + param + "` can be recommended: a trade-off",
                        "the faster option fails significantly more often; no winner in " + comparisons.size()
                                + " comparison(s); e.g. " + facts(t.ranked().get(0), t.tradeOff().orElseThrow(), t)));
            }
            if (!anyDifference && comparisons.stream().allMatch(AnswerSection::oneFork)) {
                return Optional.of(new Row(workload, "cannot tell from one fork",
                        "no comparison can be significant with one fork per option (run with -f 3 or more); e.g. "
                                + facts(best, next, c)));
            }
            return Optional.of(new Row(workload, anyDifference ? "no `" + param + "` can be recommended"
                            : "any `" + param + "`: no measurable difference",
                    (anyDifference ? "where options differ, the faster one's forks disagree or most of its operations fail; "
                            : "") + "no significant winner in " + comparisons.size() + " comparison(s); e.g. " + facts(best, next, c)));
        }
        Map.Entry<String, List<Comparison>> top = wins.entrySet().stream()
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size())).orElseThrow();
        Comparison example = top.getValue().stream().max(java.util.Comparator.comparingDouble(c -> c.runnerUp().rate().forksDisagree() ? 0 : ratio(c))).orElseThrow();
        Comparison.Option best = example.winner().orElseThrow();
        int topWins = top.getValue().size();
        int allWins = wins.values().stream().mapToInt(List::size).sum();
        String byOption = wins.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, List<Comparison>> e) -> e.getValue().size()).reversed())
                .map(e -> e.getKey() + " " + e.getValue().size())
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String tally = "a winner in " + allWins + " of " + comparisons.size() + " comparison(s): " + byOption;
        // A winner of a few comparisons among many with no difference, or tied with another, is no advice.
        if (2 * topWins < comparisons.size() || 2 * topWins <= allWins) {
            return Optional.of(new Row(workload, "no `" + param + "` wins consistently",
                    tally + "; e.g. " + facts(best, example.runnerUp(), example)));
        }
        // With one fork only the majority rule can name a winner, from one fork's iterations.
        String indicative = top.getValue().stream().allMatch(AnswerSection::oneFork) ? " (one fork: indicative; run -f 3 or more)" : "";
        return Optional.of(new Row(workload, "**" + param + "=" + top.getKey() + "**" + indicative,
                tally + "; e.g. " + facts(best, example.runnerUp(), example)));
    }

    private static boolean significant(Comparison c) {
        return Stats.significant(c.ranked().get(0).rate().forks(), c.runnerUp().rate().forks());
    }

    private static boolean oneFork(Comparison c) {
        return c.options().stream().anyMatch(o -> o.rate().forks().size() < 2);
    }

    private static double ratio(Comparison c) {
        return c.winner().orElseThrow().rate().value() / Math.max(c.runnerUp().rate().value(), 1e-9);
    }

    private static String facts(Comparison.Option best, Comparison.Option next, Comparison c) {
        String where = c.contextText().isEmpty() ? "" : " (" + c.contextText() + ")";
        double p = Stats.welchP(best.rate().forks(), next.rate().forks());
        double pFailed = Stats.welchP(best.failed().forks(), next.failed().forks());
        boolean onFailures = !(p < Stats.ALPHA) && pFailed < Stats.ALPHA && best.failed().value() < next.failed().value();
        return best.value() + " " + best.rate().text() + " ok/s, " + best.failed().percent() + " failed vs "
                + next.value() + " " + next.rate().text() + " ok/s, " + next.failed().percent() + " failed"
                + (Double.isNaN(p) ? ", one fork" : ", p = " + Fmt.p(p))
                + (onFailures ? "; fewer failures, p = " + Fmt.p(pFailed) : "") + where;
    }
}
