package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkAgreementTest {

    @Test
    void forksWhoseIntervalsOverlapAgree() {
        assertThat(ForkAgreement.disagree(List.of(List.of(100.0, 104.0, 98.0), List.of(101.0, 97.0, 103.0)))).isFalse();
    }

    @Test
    void forksInTwoRegimesDisagree() {
        // Reader and churner on one core in fork 1, on two cores in fork 2: an order of magnitude apart.
        assertThat(ForkAgreement.disagree(List.of(
                List.of(100_000.0, 101_000.0, 99_000.0), List.of(10_000.0, 10_500.0, 9_800.0), List.of(100_500.0, 99_500.0, 100_000.0))))
                .isTrue();
    }

    @Test
    void theIntervalIsJmhs999PercentStudentT() {
        ForkAgreement.Interval interval = ForkAgreement.interval(List.of(1.0, 2.0, 3.0));
        // sd 1, n 3, t(0.9995, 2) = 31.599
        assertThat(interval.mean()).isEqualTo(2.0);
        assertThat(interval.halfWidth()).isCloseTo(31.599 / Math.sqrt(3), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void singleIterationForksUseTheRatioRule() {
        assertThat(ForkAgreement.disagree(List.of(List.of(100.0), List.of(190.0)))).isFalse();
        assertThat(ForkAgreement.disagree(List.of(List.of(100.0), List.of(210.0)))).isTrue();
        assertThat(ForkAgreement.disagree(List.of(List.of(0.0), List.of(5.0)))).isTrue();
    }

    @Test
    void oneForkCannotDisagree() {
        assertThat(ForkAgreement.disagree(List.of(List.of(1.0, 1000.0)))).isFalse();
    }
}
