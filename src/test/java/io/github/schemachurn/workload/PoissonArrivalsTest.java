package io.github.schemachurn.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PoissonArrivalsTest {

    private static long[] offsets(double perSecond, long seed, int n) {
        PoissonArrivals arrivals = new PoissonArrivals(perSecond, seed);
        return LongStream.range(0, n).map(i -> arrivals.nextOffsetNanos()).toArray();
    }

    @Test
    void gapsAverageOneOverTheRate() {
        long[] offsets = offsets(200, 7, 100_000);
        double meanGapNanos = (double) offsets[offsets.length - 1] / offsets.length;
        // The mean of 100,000 exponential gaps is within 1 % of 5 ms with overwhelming probability (sd 0.32 %).
        assertThat(meanGapNanos).isCloseTo(5_000_000, within(50_000.0));
    }

    @Test
    void gapsAreExponentialNotFixed() {
        long[] offsets = offsets(100, 3, 100_000);
        long shorterThanHalfTheMean = 0;
        for (int i = 1; i < offsets.length; i++) {
            assertThat(offsets[i]).isGreaterThanOrEqualTo(offsets[i - 1]);
            if (offsets[i] - offsets[i - 1] < 5_000_000) {
                shorterThanHalfTheMean++;
            }
        }
        // P(gap < mean / 2) = 1 - e^-0.5 = 0.393 for an exponential gap; a fixed schedule would give 0.
        assertThat(shorterThanHalfTheMean / (double) offsets.length).isCloseTo(0.393, within(0.01));
    }

    @Test
    void theSameSeedGivesTheSameArrivalsAndAnotherSeedOthers() {
        assertThat(offsets(20, 42, 1_000)).isEqualTo(offsets(20, 42, 1_000));
        assertThat(offsets(20, 43, 1_000)).isNotEqualTo(offsets(20, 42, 1_000));
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new PoissonArrivals(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate must be above 0 and at most 1e9 per second, got 0.0");
    }

    @Test
    void aStoppedWaitEndsAtOnce() {
        PoissonArrivals arrivals = new PoissonArrivals(0.001, 1); // the first arrival is minutes away
        arrivals.start();
        assertThat(arrivals.awaitNext(() -> true)).isEqualTo(-1);
    }
}
