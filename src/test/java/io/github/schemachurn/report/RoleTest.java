package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleTest {
    @TempDir
    Path dir;

    /**
     * Issue 8's trap: a thread stuck across the iteration start gets a 10 ms window; JMH's mean of
     * per-iteration rates would say (100/0.01 + 1000/1) / 2 = 5,500/s, the total is 1,100 / 1.01 s.
     */
    @Test
    void rateIsTotalOverMeasuredTimeNotAMeanOfIterationRates() {
        Result c = Fixtures.configs(List.of(new Fixtures.Bench("ChurnBenchmark", "churn", 1, Map.of())
                .window((f, i) -> i == 0 ? 10_000.0 : 1e6)
                .role(CounterNames.OPERATION, "reader", (f, i) -> i == 0 ? 100L : 1000L, ErrorClass.BUSY, (f, i) -> 0L).node), dir).get(0);
        Role op = c.op().orElseThrow();
        assertThat(op.rate().value()).isCloseTo(1100 / 1.01, within(0.01));
        assertThat(op.shortWindows(1.0)).isEqualTo(1);
        assertThat(c.identity().get(CounterNames.OPERATION)).allSatisfy(r -> assertThat(r).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void sharesAreOfAttemptsPerClass() {
        Result c = Fixtures.configs(List.of(Fixtures.churn(Map.of(), 2, 600, ErrorClass.SCHEMA, 0.4, 50)), dir).get(0);
        Role op = c.op().orElseThrow();
        assertThat(op.share(ErrorClass.SCHEMA).value()).isCloseTo(0.4, within(1e-9));
        assertThat(op.share(ErrorClass.BUSY).value()).isZero();
        assertThat(op.mainFailure()).contains(ErrorClass.SCHEMA);
        assertThat(op.cpuShare()).isCloseTo(0.5, within(1e-9));
        assertThat(c.ddl().orElseThrow().rate().value()).isCloseTo(50, within(1e-9));
    }

    @Test
    void failuresAreTalliedByClassAcrossRolesMostFirst() {
        Role schema = Fixtures.configs(List.of(Fixtures.churn(Map.of(), 1, 600, ErrorClass.SCHEMA, 0.1, 50)), dir).get(0).op().orElseThrow();
        Role busy = Fixtures.configs(List.of(new Fixtures.Bench("ChurnBenchmark", "churn", 1, Map.of())
                .role(CounterNames.OPERATION, "op", 600, ErrorClass.BUSY, 0.5).node), dir).get(0).op().orElseThrow();
        assertThat(Role.failuresByClass(List.of(schema, busy)).keySet()).containsExactly(ErrorClass.BUSY, ErrorClass.SCHEMA);
        assertThat(Role.failuresByClass(List.of(schema, busy))).containsEntry(ErrorClass.SCHEMA, schema.failures(ErrorClass.SCHEMA));
        assertThat(busy.mainFailure()).contains(ErrorClass.BUSY);
    }

    @Test
    void identityFindsCountsThatLeakBeyondJmhsOps() {
        Fixtures.Bench b = new Fixtures.Bench("ChurnBenchmark", "churn", 1, Map.of())
                .role(CounterNames.OPERATION, "reader", 1000, ErrorClass.BUSY, 0);
        // JMH measured a tenth of what the counters saw
        ((com.fasterxml.jackson.databind.node.ArrayNode) b.node.with("secondaryMetrics").with("reader").withArray("rawData").get(0)).set(0, 100.0);
        Result c = Fixtures.configs(List.of(b.node), dir).get(0);
        assertThat(c.identity().get(CounterNames.OPERATION)).contains(10.0, 1.0);
    }

    /**
     * Two reader threads, 1,000 attempts each, one measured for 1 s and one for 0.5 s: JMH's rate
     * is each thread's own, summed (1,000 + 2,000 = 3,000/s). The mean window (0.75 s) would make
     * that 2,250 ops against 2,000 counted; the summed attempt rate matches exactly.
     */
    @Test
    void identityOfRolesWithSeveralThreadsComparesEachThreadsOwnRate() {
        Fixtures.Bench b = new Fixtures.Bench("ChurnBenchmark", "churn", 1, Map.of())
                .role(CounterNames.OPERATION, "reader", 2000, ErrorClass.BUSY, 0)
                .counter(CounterNames.OPERATION + CounterNames.THREADS, (f, i) -> 2.0)
                .counter(CounterNames.OPERATION + CounterNames.WINDOW_MICROS, (f, i) -> 1.5e6)
                .counter(CounterNames.OPERATION + CounterNames.ATTEMPT_RATE, (f, i) -> 3000.0);
        var jmh = (com.fasterxml.jackson.databind.node.ArrayNode) b.node.with("secondaryMetrics").with("reader").withArray("rawData").get(0);
        jmh.set(0, 3000.0);
        jmh.set(1, 3000.0);
        Result c = Fixtures.configs(List.of(b.node), dir).get(0);
        assertThat(c.identity().get(CounterNames.OPERATION)).hasSize(Fixtures.ITERATIONS)
                .allSatisfy(r -> assertThat(r).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void countsThatDoNotAddUpAreRejected() {
        Fixtures.Bench b = new Fixtures.Bench("ChurnBenchmark", "churn", 1, Map.of())
                .role(CounterNames.OPERATION, "reader", 1000, ErrorClass.BUSY, 0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) b.node.with("secondaryMetrics").with("opOk").withArray("rawData").get(0)).set(0, 999.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.configs(List.of(b.node), dir))
                .hasMessageContaining("1000 attempts but 999 ok + 0 failed");
    }

    /**
     * Two threads, so JMH's sums are twice each thread's value: per fork the median over
     * iterations of value / threads, the maximum for the maximum; results without the latency
     * counters (the committed ones) show "–".
     */
    @Test
    void latencyIsPerThreadMedianOverIterationsPerForkAndAbsentForOlderResults() {
        Fixtures.Bench b = new Fixtures.Bench("ChurnBenchmark", "churn", 2, Map.of())
                .role(CounterNames.OPERATION, "reader", 2000, ErrorClass.BUSY, 0)
                .counter(CounterNames.OPERATION + CounterNames.THREADS, (f, i) -> 2.0)
                .counter(CounterNames.OPERATION + CounterNames.OK_P50_MICROS, (f, i) -> 2.0 * (10 + i + 10 * f))
                .counter(CounterNames.OPERATION + CounterNames.OK_P99_MICROS, (f, i) -> 200.0)
                .counter(CounterNames.OPERATION + CounterNames.OK_P999_MICROS, (f, i) -> 2000.0)
                .counter(CounterNames.OPERATION + CounterNames.OK_MAX_MICROS, (f, i) -> 2.0 * (1000 + i + 100 * f));
        Role op = Fixtures.configs(List.of(b.node), dir).get(0).op().orElseThrow();
        double middle = (Fixtures.ITERATIONS - 1) / 2.0;
        assertThat(op.latencyPerFork(CounterNames.OK_P50_MICROS)).containsExactly(10 + middle, 20 + middle);
        assertThat(op.latencyPerFork(CounterNames.OK_MAX_MICROS))
                .containsExactly(1000.0 + Fixtures.ITERATIONS - 1, 1100.0 + Fixtures.ITERATIONS - 1);
        assertThat(op.latency(CounterNames.OK_MAX_MICROS)).contains(1100.0 + Fixtures.ITERATIONS - 1);
        assertThat(op.latencyPerFork(CounterNames.FAIL_P50_MICROS)).isEmpty();
        assertThat(StudiesSection.okLatency(op)).isEqualTo(Fmt.num(15 + middle) + " / 100 / 1,000");

        Role older = Fixtures.configs(List.of(Fixtures.churn(Map.of(), 2, 600, ErrorClass.SCHEMA, 0.4, 50)), dir).get(0).op().orElseThrow();
        assertThat(older.latency(CounterNames.OK_P50_MICROS)).isEmpty();
        assertThat(StudiesSection.okLatency(older)).isEqualTo("–");
    }
}
