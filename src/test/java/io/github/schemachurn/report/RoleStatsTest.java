package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RoleStatsTest {

    private static Counters counters(long attempts, long ok, long busy, long schema, long retries) {
        return new Counters(attempts, ok, retries, Map.of(Failure.BUSY, busy, Failure.SCHEMA, schema));
    }

    @Test
    void ratesAreThroughputTimesShareOfAttempts() {
        // Fork 1: 1000 attempts/s, 25 % BUSY; fork 2: 3000 attempts/s, 50 % BUSY.
        Metric reader = new Metric("ops/s", 2000, 100, List.of(List.of(1000.0, 1000.0), List.of(3000.0, 3000.0)), new TreeMap<>());
        RoleStats stats = new RoleStats("reader", Estimate.of(reader),
                Counters.sum(List.of(counters(400, 300, 100, 0, 4), counters(600, 300, 300, 0, 6))),
                List.of(counters(400, 300, 100, 0, 4), counters(600, 300, 300, 0, 6)));

        // Overall: 400 of 1000 attempts were BUSY, so 40 % of 2000/s.
        assertThat(stats.perSecond(Failure.BUSY).value()).isCloseTo(800, offset(1e-9));
        assertThat(stats.perSecond(Failure.BUSY).error()).isCloseTo(40, offset(1e-9));
        assertThat(stats.perSecond(Failure.BUSY).forks()).containsExactly(250.0, 1500.0);
        assertThat(stats.okPerSecond().value()).isCloseTo(1200, offset(1e-9));
        assertThat(stats.okPerSecond().forks()).containsExactly(750.0, 1500.0);
        assertThat(stats.percent(Failure.BUSY)).isCloseTo(40, offset(1e-9));
        assertThat(stats.failedPercent()).isCloseTo(40, offset(1e-9));
        assertThat(stats.forkFailedPercents()).containsExactly(25.0, 50.0);
        assertThat(stats.retriesPerAttempt()).isCloseTo(0.01, offset(1e-12));
        assertThat(stats.mainFailure()).contains(Failure.BUSY);
    }

    @Test
    void countersThatDoNotAddUpAreRejected() {
        assertThatThrownBy(() -> counters(10, 5, 4, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counters do not add up: 10 attempts but 5 ok + 4 failed");
    }

    @Test
    void noAttemptsMeansNoShare() {
        Counters none = counters(0, 0, 0, 0, 0);
        assertThat(none.shareOf(0)).isZero();
    }
}
