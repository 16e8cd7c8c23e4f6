package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.bench.StallCounters;
import io.github.schemachurn.sqlite.CounterNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The report and diagnose find their rows by class, param and method names ({@link Run#BENCHMARKS},
 * {@link Run#PARAMS}, {@link Run#METHODS}), by counter names and by the suite's package; a rename in the benchmarks would silently empty a section. This
 * reads what the benchmarks declare, as JMH's annotation processor listed it
 * (META-INF/BenchmarkList), and fails when a name the report depends on is gone.
 */
class BenchmarkNamesTest {
    private static List<BenchmarkListEntry> benchmarks() throws IOException {
        try (InputStream list = BenchmarkNamesTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertThat(list).as("JMH's benchmark list on the class path").isNotNull();
            return BenchmarkList.readBenchmarkList(list);
        }
    }

    @Test
    void everyBenchmarkIsInTheSuitesPackage() throws IOException {
        assertThat(benchmarks()).isNotEmpty()
                .allSatisfy(b -> assertThat(b.getUsername()).startsWith(JmhJson.SUITE_PACKAGE));
    }

    @Test
    void everyParamTheReportReadsIsABenchmarkParam() throws IOException {
        Set<String> params = new HashSet<>();
        benchmarks().forEach(b -> params.addAll(b.getParams().orElse(Map.of()).keySet()));
        assertThat(params).containsAll(Run.PARAMS);
    }

    @Test
    void everyMethodTheReportReadsIsABenchmarkMethod() throws IOException {
        Set<String> methods = new HashSet<>();
        for (BenchmarkListEntry b : benchmarks()) {
            methods.add(b.getUsername().substring(b.getUsername().lastIndexOf('.') + 1));
            methods.addAll(b.getThreadGroupLabels().orElse(List.of()));
        }
        assertThat(methods).containsAll(Run.METHODS);
    }

    @Test
    void everyBenchmarkClassTheReportReadsIsABenchmark() throws IOException {
        Set<String> classes = new HashSet<>();
        benchmarks().forEach(b -> classes.add(b.getUsername().substring(JmhJson.SUITE_PACKAGE.length(), b.getUsername().lastIndexOf('.'))));
        assertThat(classes).containsAll(Run.BENCHMARKS);
    }

    @Test
    void theStallCountersAreNamedAsDiagnoseReadsThem() {
        assertThat(Arrays.stream(StallCounters.class.getFields()).map(Field::getName))
                .containsExactlyInAnyOrder(CounterNames.STALL_LONGEST_MICROS, CounterNames.STALL_RECOVERY_MICROS,
                        CounterNames.STALL_WRITE_LONGEST_MICROS, CounterNames.MIGRATION_LOCK_P50_MICROS, CounterNames.MIGRATION_LOCK_MAX_MICROS);
    }
}
