package io.github.schemachurn.report;

import static io.github.schemachurn.report.Fixtures.params;
import static io.github.schemachurn.report.Fixtures.rounds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Winners within rounds: the paired test, the A/A noise floor, and the controls' false-winner count, on fixture data. */
class PairedComparisonTest {
    @TempDir
    Path dir;

    /** Round drift of ±20 % that both options share: forks overlap, but per round A is always 10 % ahead. */
    private static final double[] DRIFT = {1.0, 1.2, 0.8, 1.1, 0.9};

    private Run run(List<ObjectNode> results) {
        JmhJson.Read read = JmhJson.readRun(List.of(Fixtures.write(dir.resolve("results.json"), results)), "environment.json");
        return new Run(ReportGenerator.configs(read.results()), ReportGenerator.configs(read.twins()), Optional.empty(), "");
    }

    private static double[] scaled(double[] factors, double... noise) {
        double[] out = factors.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= noise[i];
        }
        return out;
    }

    private Comparison only(Run run) {
        List<Comparison> comparisons = Comparison.of(run, Run.DDL, c -> true);
        assertThat(comparisons).hasSize(1);
        return comparisons.get(0);
    }

    @Test
    void theRoundIsTheUnit() {
        List<ObjectNode> all = new ArrayList<>(rounds("s", false, params("ddl", "A"), 1100, DRIFT));
        all.addAll(rounds("s", false, params("ddl", "B"), 1000, DRIFT));
        Comparison c = only(run(all));
        assertThat(c.paired()).isTrue();
        assertThat(c.sharedRounds()).hasSize(5);
        // Unpaired, the shared drift hides the difference; within rounds it is 10 % every time.
        assertThat(Stats.welchP(c.options().get(0).rate().forks(), c.options().get(1).rate().forks())).isGreaterThan(0.05);
        assertThat(c.logRatios(c.options().get(0), c.options().get(1))).allSatisfy(d -> assertThat(d).isCloseTo(Math.log(1.1), within(1e-3)));
        assertThat(c.winner()).map(Comparison.Option::value).contains("A");
        assertThat(c.testText(c.options().get(0), c.options().get(1))).contains("paired over 5 rounds");
    }

    /**
     * Within rounds, an option's own forks may disagree (on 2 cores a fork lands in one CPU regime or
     * the other) while it leads in every round by far: the paired test over the rounds' ratios
     * carries that spread, so it wins; unpaired, the same forks are never a winner (ComparisonTest).
     */
    @Test
    void forksThatDisagreeDoNotStopAWinnerAheadInEveryRound() {
        List<ObjectNode> all = new ArrayList<>(rounds("s", false, params("ddl", "A"), 5000, scaled(DRIFT, 1.0, 2.4, 1.0, 2.2, 1.0)));
        all.addAll(rounds("s", false, params("ddl", "B"), 1000, DRIFT));
        Comparison c = only(run(all));
        Comparison.Option a = c.ranked().get(0);
        assertThat(a.value()).isEqualTo("A");
        assertThat(a.rate().forksDisagree()).isTrue();
        assertThat(c.winner()).map(Comparison.Option::value).contains("A");
    }

    /**
     * A lead above the floor only thanks to its best round is no lead: B ahead by 35, 12, 11, 13 and
     * 12 % (geometric mean 16 %) against a 14 % floor is significant, but without the 35 % round it is
     * 12 %; ahead by 20-25 % in every round it clears the floor without any one round.
     */
    @Test
    void aLeadAboveTheFloorOnlyThanksToItsBestRoundIsNoWinner() {
        double[] twin = scaled(DRIFT, 1.05, 0.955, 1.045, 0.955, 1.0);
        List<ObjectNode> oneRound = new ArrayList<>(rounds("s", false, params("ddl", "A"), 1000, DRIFT));
        oneRound.addAll(rounds("s", false, params("ddl", "B"), 1000, scaled(DRIFT, 1.35, 1.12, 1.11, 1.13, 1.12)));
        oneRound.addAll(rounds("s", true, params("ddl", "A"), 1000, twin));
        Run run = run(oneRound);
        Comparison c = only(run);
        Comparison.Option b = c.ranked().get(0);
        Comparison.Option a = c.ranked().get(1);
        assertThat(c.rateP(b, a)).isLessThan(Stats.ALPHA);
        assertThat(Stats.mean(c.logRatios(b, a))).isGreaterThan(run.noise().log());
        assertThat(Stats.meanWithoutLargest(c.logRatios(b, a))).isLessThan(run.noise().log());
        assertThat(c.winner()).isEmpty();
        assertThat(c.testText(b, a)).contains("without its best");

        List<ObjectNode> everyRound = new ArrayList<>(rounds("s", false, params("ddl", "A"), 1000, DRIFT));
        everyRound.addAll(rounds("s", false, params("ddl", "B"), 1000, scaled(DRIFT, 1.25, 1.22, 1.2, 1.24, 1.23)));
        everyRound.addAll(rounds("s", true, params("ddl", "A"), 1000, twin));
        assertThat(only(run(everyRound)).winner()).map(Comparison.Option::value).contains("B");
    }

    @Test
    void aSignificantDifferenceBelowTheNoiseFloorIsNoWinner() {
        List<ObjectNode> all = new ArrayList<>(rounds("s", false, params("ddl", "A"), 1030, scaled(DRIFT, 1.0, 1.01, 0.99, 1.0, 1.0)));
        all.addAll(rounds("s", false, params("ddl", "B"), 1000, DRIFT));
        // The A/A twin of B differs from B by up to 10 % per round: a floor near 15 %.
        all.addAll(rounds("s", true, params("ddl", "B"), 1000, scaled(DRIFT, 1.1, 0.9, 1.08, 0.93, 1.0)));
        Run run = run(all);
        Comparison c = only(run);
        Comparison.Option a = c.ranked().get(0);
        Comparison.Option b = c.ranked().get(1);
        assertThat(c.rateP(a, b)).isLessThan(Stats.ALPHA);
        assertThat(run.noise().relative()).isGreaterThan(0.1);
        assertThat(c.beats(a, b)).isFalse();
        assertThat(c.winner()).isEmpty();
    }

    @Test
    void theNoiseFloorIsTheA_AControlsSpreadAndTheirFalseWinnersAreCounted() {
        List<ObjectNode> all = new ArrayList<>(rounds("s", false, params("ddl", "B"), 1000, DRIFT));
        all.addAll(rounds("s", true, params("ddl", "B"), 1000, scaled(DRIFT, 1.05, 0.95, 1.05, 0.95, 1.0)));
        // A second study whose twin is always 30 % faster: significant, and above the floor the first keeps low.
        all.addAll(rounds("t", false, params("ddl", "C"), 1000, DRIFT));
        all.addAll(rounds("t", true, params("ddl", "C"), 1300, scaled(DRIFT, 1.0, 1.001, 0.999, 1.0, 1.0)));
        NoiseFloor noise = run(all).noise();
        assertThat(noise.controls()).hasSize(2);
        assertThat(noise.logRatios()).hasSize(10);
        assertThat(noise.log()).isCloseTo(NoiseFloor.Z * Stats.median(noise.logRatios().stream().map(Math::abs).toList()) / NoiseFloor.MAD_NORMAL, within(1e-12));
        assertThat(noise.significant()).isEqualTo(1);
        assertThat(noise.falseWinners()).isEqualTo(0); // its 30 % is inside a floor its own spread widens
        assertThat(noise.checkItem()).contains("2 control(s)", "false winners (significant and above the floor without their best round): 0");
    }

    @Test
    void twinsStayOutOfTheConfigurationsTheyControl() {
        List<ObjectNode> all = new ArrayList<>(rounds("s", false, params("ddl", "B"), 1000, DRIFT));
        all.addAll(rounds("s", true, params("ddl", "B"), 5000, DRIFT));
        Run run = run(all);
        assertThat(run.configs).hasSize(1);
        assertThat(run.configs.get(0).op().orElseThrow().rate().forks()).hasSize(5);
        assertThat(run.twins).hasSize(1);
    }

    @Test
    void resultsWithoutRoundsAreComparedUnpairedAndSaySo() {
        Comparison c = only(run(List.of(Fixtures.churn(params("ddl", "A"), 1000, io.github.schemachurn.sqlite.ErrorClass.BUSY, 0, 1.0, 1.02, 0.98),
                Fixtures.churn(params("ddl", "B"), 500, io.github.schemachurn.sqlite.ErrorClass.BUSY, 0, 1.0, 1.02, 0.98))));
        assertThat(c.paired()).isFalse();
        assertThat(c.winner()).map(Comparison.Option::value).contains("A");
        assertThat(c.testText(c.ranked().get(0), c.ranked().get(1))).contains("unpaired");
        assertThat(NoiseFloor.NONE.checkItem()).contains("none");
    }

    @Test
    void theHarnessCostIsTheLayeredReadOverTheBareOnePerRound() {
        List<ObjectNode> all = new ArrayList<>();
        rounds("ceiling", false, params("journal", "WAL"), 98_000, DRIFT)
                .forEach(n -> all.add(n.put("benchmark", JmhJson.SUITE_PACKAGE + "CeilingBenchmark." + Run.LAYERED_CACHED_METHOD)));
        rounds("ceiling", false, params("journal", "WAL"), 100_000, DRIFT)
                .forEach(n -> all.add(n.put("benchmark", JmhJson.SUITE_PACKAGE + "CeilingBenchmark." + Run.BARE_CACHED_METHOD)));

        assertThat(ChecksSection.harnessCost(run(all))).hasValueSatisfying(text -> assertThat(text)
                .contains("WAL 0.980 / 0.980 / 0.980 / 0.980 / 0.980 (geometric mean 0.980)")
                .contains("HarnessCostBenchmark").doesNotContain("noise floor"));
        assertThat(ChecksSection.harnessCost(run(all.subList(0, 5)))).isEmpty();
    }

    /** A 2 % cost is far inside a round's noise: the check says how many rounds lie beyond the run's A/A floor. */
    @Test
    void theHarnessCostIsReadAgainstTheRunsNoiseFloor() {
        List<ObjectNode> all = new ArrayList<>();
        rounds("ceiling", false, params("journal", "WAL"), 98_000, scaled(DRIFT, 1, 1, 1, 1, 0.5))
                .forEach(n -> all.add(n.put("benchmark", JmhJson.SUITE_PACKAGE + "CeilingBenchmark." + Run.LAYERED_CACHED_METHOD)));
        rounds("ceiling", false, params("journal", "WAL"), 100_000, DRIFT)
                .forEach(n -> all.add(n.put("benchmark", JmhJson.SUITE_PACKAGE + "CeilingBenchmark." + Run.BARE_CACHED_METHOD)));
        rounds("ceiling", true, params("journal", "WAL"), 100_000, scaled(DRIFT, 1.1, 0.9, 1.1, 0.9, 1.1))
                .forEach(n -> all.add(n.put("benchmark", JmhJson.SUITE_PACKAGE + "CeilingBenchmark." + Run.BARE_CACHED_METHOD)));

        assertThat(ChecksSection.harnessCost(run(all))).hasValueSatisfying(text -> assertThat(text)
                .contains("beyond the run's noise floor, +31.91 % (5 A/A rounds in 1 controls): 1 of 5."));
    }
}
