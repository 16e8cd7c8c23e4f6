package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's own noise, from its A/A controls: in every round of a study one configuration runs
 * twice (cli/Rounds), and the log ratio of the two runs is what the machine alone makes of one
 * configuration within one round. The floor is the two-sided 95 % range of that ratio, 1.96 x a
 * robust estimate of its standard deviation over every control's rounds (the median absolute log
 * ratio / 0.6745, the normal distribution's MAD): the smallest difference the run can call real.
 * Robust because a few studies are far noisier than the rest (threads exceeding cores, a reader at
 * the edge of livelock): with the root mean square, their rounds would set the floor for every
 * comparison (+92 % in the first published run with rounds, from studies at +3 % to +229 %).
 * Each control is also judged as if it were a comparison (the paired test, then the floor): a
 * control that "wins" is a false winner the run produced.
 */
record NoiseFloor(List<Control> controls) {
    /** How many standard deviations of one round's A/A ratio the floor spans (two-sided 95 %). */
    static final double Z = 1.96;
    /** The median absolute deviation of a standard normal: median(|x|) / MAD_NORMAL estimates its SD. */
    static final double MAD_NORMAL = 0.6745;
    static final NoiseFloor NONE = new NoiseFloor(List.of());

    /** One study's control: per round, ln(twin / first run). */
    record Control(String study, String label, List<Double> logRatios) {
        Control {
            logRatios = List.copyOf(logRatios);
        }

        double p() {
            return Stats.pairedP(logRatios);
        }

        /** Its lead, in whichever direction, with the round most in that direction's favour left out, as the winner rule takes it. */
        double leadWithoutBestRound() {
            double sign = Math.signum(Stats.mean(logRatios));
            return Stats.meanWithoutLargest(logRatios.stream().map(r -> sign * r).toList());
        }

        /** The control's geometric-mean ratio, as a relative difference. */
        double effect() {
            return Math.exp(Math.abs(Stats.mean(logRatios))) - 1;
        }
    }

    NoiseFloor {
        controls = List.copyOf(controls);
    }

    /** The controls of a run: each twin against the first run of its configuration in the same round. */
    static NoiseFloor of(List<Result> configs, List<Result> twins) {
        Map<String, Result> byKey = Result.byKey(configs);
        List<Control> controls = new ArrayList<>();
        for (Result twin : twins) {
            Result first = byKey.get(twin.key());
            if (first == null) {
                continue;
            }
            Map<String, Double> a = byRound(first);
            Map<String, Double> b = byRound(twin);
            Map<String, List<Double>> byStudy = new TreeMap<>();
            b.forEach((round, value) -> {
                if (a.containsKey(round)) {
                    byStudy.computeIfAbsent(round.substring(0, round.lastIndexOf('#')), k -> new ArrayList<>())
                            .add(Stats.logRatio(value, a.get(round)));
                }
            });
            byStudy.forEach((study, ratios) -> controls.add(new Control(study, twin.benchmark() + " "
                    + twin.label(Result.varied(configs.stream().toList())), ratios)));
        }
        return new NoiseFloor(controls);
    }

    /** A configuration's per-fork headline value (successful operations per second, or JMH's own score for a timing) by round. */
    static Map<String, Double> byRound(Result c) {
        return byRound(c, c.op().map(r -> r.rate().forks()).orElseGet(() -> Estimate.of(c.metrics().get(c.method())).forks()));
    }

    /** Per-fork values of a configuration (one per fork, in fork order) as their mean per round; forks outside rounds left out. */
    static Map<String, Double> byRound(Result c, List<Double> forks) {
        Map<String, List<Double>> values = new TreeMap<>();
        List<Result.Round> rounds = c.rounds();
        for (int i = 0; i < rounds.size() && i < forks.size(); i++) {
            if (rounds.get(i).paired()) {
                values.computeIfAbsent(rounds.get(i).key(), k -> new ArrayList<>()).add(forks.get(i));
            }
        }
        Map<String, Double> means = new TreeMap<>();
        values.forEach((k, v) -> means.put(k, Stats.mean(v)));
        return means;
    }

    List<Double> logRatios() {
        return controls.stream().flatMap(c -> c.logRatios().stream()).toList();
    }

    /** Whether the run has a floor: two or more A/A rounds. */
    boolean available() {
        return logRatios().size() >= 2;
    }

    /** The floor on the log scale (0 without controls: then only the paired test decides). */
    double log() {
        return available() ? Z * sd() : 0;
    }

    /** The robust standard deviation of one round's A/A log ratio (its mean is 0 by construction). */
    double sd() {
        return Stats.median(logRatios().stream().map(Math::abs).toList()) / MAD_NORMAL;
    }

    /** The floor as a relative difference, e.g. 0.08 for 8 %. */
    double relative() {
        return Math.exp(log()) - 1;
    }

    /** Controls significant on the paired test alone. */
    long significant() {
        return controls.stream().filter(c -> c.p() < Stats.ALPHA).count();
    }

    /** Controls the winner rule would name a winner: significant and above the floor without their best round. */
    long falseWinners() {
        return controls.stream().filter(c -> c.p() < Stats.ALPHA && c.leadWithoutBestRound() > log()).count();
    }

    String text() {
        return available() ? "+" + Fmt.pct(100 * relative()) + " (" + logRatios().size() + " A/A rounds in " + controls.size() + " controls)"
                : "none (no A/A control in these results)";
    }

    /** The measurement check: what the controls show. */
    String checkItem() {
        if (controls.isEmpty()) {
            return "A/A controls: none in these results (results without rounds have no noise floor; winners there rest on Welch's test alone).";
        }
        return "A/A controls (one configuration run twice in every round of a study): " + controls.size() + " control(s), "
                + logRatios().size() + " rounds; their per-round difference has a robust SD of " + Fmt.pct(100 * (Math.exp(sd()) - 1))
                + " (an RMS of " + Fmt.pct(100 * (Math.exp(Stats.rms(logRatios())) - 1)) + ", which its noisiest studies set), so the noise floor is " + text() + ". " + significant() + " of " + controls.size()
                + " control(s) significant on the paired test alone (chance expects " + Fmt.num(Stats.ALPHA * controls.size())
                + "); false winners (significant and above the floor without their best round): " + falseWinners() + ".";
    }
}
