package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void welchSeparatesClearlyDifferentForksAndNotNoisyOnes() {
        assertThat(Stats.welchP(List.of(100.0, 102.0, 98.0), List.of(80.0, 81.0, 79.0))).isLessThan(Stats.ALPHA);
        assertThat(Stats.welchP(List.of(100.0, 140.0, 70.0), List.of(95.0, 120.0, 80.0))).isGreaterThan(Stats.ALPHA);
    }

    @Test
    void oneForkIsNeverSignificant() {
        assertThat(Stats.welchP(List.of(100.0), List.of(1.0, 2.0))).isNaN();
    }

    @Test
    void forksWithoutSpreadDifferExactlyWhenTheirMeansDo() {
        assertThat(Stats.welchP(List.of(0.0, 0.0), List.of(0.0, 0.0))).isEqualTo(1.0);
        assertThat(Stats.welchP(List.of(0.0, 0.0), List.of(0.5, 0.5))).isEqualTo(0.0);
    }

    /** The two cases of issue 8: a stable row (77k-98k, flagged by the old test) and a 15.8x spread (missed by it). */
    @Test
    void forkDisagreementFiresOnARegimeSplitAndNotOnOrdinaryNoise() {
        assertThat(Stats.forksDisagree(List.of(83_579.0, 88_783.0, 98_280.0, 92_303.0, 77_006.0, 91_934.0, 88_768.0, 86_788.0))).isFalse();
        assertThat(Stats.forksDisagree(List.of(11_805.0, 747.0, 2_000.0))).isTrue();
        assertThat(Stats.forksDisagree(List.of(0.0, 5.0))).isTrue();
        assertThat(Stats.forksDisagree(List.of(0.0, 0.0))).isFalse();
        assertThat(Stats.forksDisagree(List.of(1000.0))).isFalse();
    }

    @Test
    void errorBarIsTheStudentTIntervalOfTheMean() {
        // mean 2, sd 1, n 3: t(0.975, 2) = 4.303, so 4.303 / sqrt(3) = 2.484
        assertThat(Stats.halfWidth(List.of(1.0, 2.0, 3.0))).isCloseTo(2.484, within(0.001));
        assertThat(Stats.halfWidth(List.of(1.0))).isNaN();
    }

    @Test
    void lineFitRecoversCostPerTable() {
        Stats.Line line = Stats.fit(List.of(new double[] {0, 50}, new double[] {100, 430}, new double[] {500, 1950}, new double[] {2000, 7650}));
        assertThat(line.slope()).isCloseTo(3.8, within(0.01));
        assertThat(line.intercept()).isCloseTo(50, within(1.0));
        assertThat(line.rSquare()).isGreaterThan(0.999);
    }

    @Test
    void thePairedTestIsAPairedTTestOnFewRoundsAndWilcoxonOnMany() {
        List<Double> consistent = List.of(0.10, 0.12, 0.09, 0.11);
        assertThat(Stats.pairedP(consistent)).isLessThan(0.01);
        assertThat(Stats.pairedTestName(4)).isEqualTo("paired t-test");
        assertThat(Stats.pairedP(List.of(0.10, -0.12, 0.09, -0.11))).isGreaterThan(0.5);
        // Six rounds all of one sign: Wilcoxon's exact two-sided p is 2 / 2^6.
        assertThat(Stats.pairedP(List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6))).isCloseTo(2.0 / 64, within(1e-9));
        assertThat(Stats.pairedTestName(6)).isEqualTo("Wilcoxon signed-rank test");
    }

    @Test
    void onePairedRoundIsNeverSignificantAndDifferencesWithoutSpreadAreExact() {
        assertThat(Stats.pairedP(List.of(0.5))).isNaN();
        assertThat(Stats.pairedP(List.of(0.0, 0.0, 0.0))).isEqualTo(1.0);
        assertThat(Stats.pairedP(List.of(0.2, 0.2, 0.2))).isEqualTo(0.0);
    }

    @Test
    void aZeroRateStaysAFiniteLogRatio() {
        assertThat(Stats.logRatio(100, 0)).isFinite().isPositive();
        assertThat(Stats.rms(List.of(0.3, -0.4))).isCloseTo(Math.sqrt(0.125), within(1e-12));
    }

    /** The quick report once printed "0.18 % ± 634.84 %": a share's interval is over forks and stays within 0-100 %. */
    @Test
    void aShareIntervalStaysWithinZeroAndOneAndIsOverForks() {
        double[] spread = Stats.shareInterval(List.of(new long[] {1, 1000}, new long[] {40, 1000}, new long[] {2, 1000}));
        assertThat(spread[0]).isGreaterThan(0).isLessThan(0.001);
        assertThat(spread[1]).isGreaterThan(0.0143).isLessThan(1);
        double[] allFailed = Stats.shareInterval(List.of(new long[] {990, 1000}, new long[] {1000, 1000}));
        assertThat(allFailed[1]).isLessThanOrEqualTo(1).isGreaterThan(0.99);
        assertThat(Stats.shareInterval(List.of(new long[] {5, 100}))[0]).isNaN();

        Estimate oneFork = Estimate.share(List.<long[]>of(new long[] {18, 10_000}));
        assertThat(oneFork.percent()).isEqualTo("0.18 % (one fork: no interval)");
        Estimate forks = Estimate.share(List.of(new long[] {10, 1000}, new long[] {30, 1000}, new long[] {20, 1000}));
        assertThat(forks.percent()).matches("2\\.00 % \\(\\d\\.\\d\\d–\\d\\.\\d\\d %\\)");
        assertThat(forks.low()).isGreaterThan(0).isLessThan(0.02);
        assertThat(forks.high()).isGreaterThan(0.02).isLessThan(0.1);
        assertThat(Estimate.share(List.of(new long[] {0, 100_000}, new long[] {0, 100_000})).percent()).isEqualTo("0 %");
    }
}
