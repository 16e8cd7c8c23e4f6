package io.github.schemachurn.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * JMH JSON in the shape this suite writes (the counter contract of {@link CounterNames}), built in
 * code: one {@link Bench} per configuration, a role's counts per fork and iteration, JMH's per-method
 * rates consistent with them (so counted attempts equal JMH's ops unless a test says otherwise).
 */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int ITERATIONS = 2;

    private Fixtures() {}

    /** One configuration. Iterations are 1 s windows of one thread unless {@link #window} says otherwise. */
    static final class Bench {
        final ObjectNode node = JSON.createObjectNode();
        private final ObjectNode secondary;
        private final int forks;
        private BiFunction<Integer, Integer, Double> window = (f, i) -> 1e6;

        Bench(String benchmarkClass, String method, int forks, Map<String, String> params) {
            this.forks = forks;
            node.put("jmhVersion", "1.37").put("benchmark", JmhJson.SUITE_PACKAGE + benchmarkClass + "." + method)
                    .put("mode", "thrpt").put("threads", 2).put("forks", forks).put("jvm", "/usr/bin/java")
                    .put("jdkVersion", "17.0.15").put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "17.0.15")
                    .put("warmupIterations", 1).put("warmupTime", "1 s").put("measurementIterations", ITERATIONS)
                    .put("measurementTime", "1 s");
            node.putArray("jvmArgs");
            ObjectNode p = node.putObject("params");
            params.forEach(p::put);
            metric(node.putObject("primaryMetric"), "ops/s", (f, i) -> 1.0);
            secondary = node.putObject("secondaryMetrics");
        }

        /** The mean window of every iteration, in microseconds (fork, iteration). */
        Bench window(BiFunction<Integer, Integer, Double> micros) {
            window = micros;
            return this;
        }

        /**
         * A role: {@code ok.apply(fork, iteration)} successes and {@code failed} failures of class
         * {@code error} per iteration; JMH's rate for {@code method} matches the counted attempts.
         */
        Bench role(String prefix, String method, BiFunction<Integer, Integer, Long> ok, ErrorClass error,
                   BiFunction<Integer, Integer, Long> failed) {
            counter(prefix + CounterNames.ATTEMPTS, (f, i) -> (double) (ok.apply(f, i) + failed.apply(f, i)));
            counter(prefix + CounterNames.OK, (f, i) -> (double) ok.apply(f, i));
            for (ErrorClass e : ErrorClass.values()) {
                counter(CounterNames.failure(prefix, e), (f, i) -> e == error ? (double) failed.apply(f, i) : 0.0);
            }
            counter(prefix + CounterNames.RETRIES, (f, i) -> 0.0);
            counter(prefix + CounterNames.BUSY_WAITS, (f, i) -> 0.0);
            counter(prefix + CounterNames.WINDOW_MICROS, window::apply);
            counter(prefix + CounterNames.THREADS, (f, i) -> 1.0);
            counter(prefix + CounterNames.CPU_MICROS, (f, i) -> window.apply(f, i) / 2);
            BiFunction<Integer, Integer, Double> w = window;
            BiFunction<Integer, Integer, Double> attemptRate = (f, i) -> (ok.apply(f, i) + failed.apply(f, i)) / (w.apply(f, i) / 1e6);
            counter(prefix + CounterNames.ATTEMPT_RATE, attemptRate);
            metric(secondary.putObject(method), "ops/s", attemptRate);
            return this;
        }

        /** A role with {@code okPerSecond} successes and a {@code failedShare} of failures of one class, the same in every fork. */
        Bench role(String prefix, String method, double okPerSecond, ErrorClass error, double failedShare) {
            long ok = Math.round(okPerSecond);
            long failed = Math.round(okPerSecond * failedShare / (1 - failedShare));
            return role(prefix, method, (f, i) -> ok, error, (f, i) -> failed);
        }

        Bench counter(String name, BiFunction<Integer, Integer, Double> value) {
            ObjectNode c = secondary.putObject(name);
            metric(c, "#", value);
            return this;
        }

        private void metric(ObjectNode m, String unit, BiFunction<Integer, Integer, Double> value) {
            double sum = 0;
            ArrayNode raw = m.putArray("rawData");
            for (int f = 0; f < forks; f++) {
                ArrayNode iterations = raw.addArray();
                for (int i = 0; i < ITERATIONS; i++) {
                    iterations.add(value.apply(f, i));
                    sum += value.apply(f, i);
                }
            }
            m.put("score", unit.equals("#") ? sum / forks : sum / (forks * ITERATIONS)).put("scoreError", "NaN").put("scoreUnit", unit);
            m.putObject("scorePercentiles");
        }
    }

    /** A sample-mode timing (us/op) whose fork f has mean {@code forkMeans[f]}: the schema-reload study's shape. */
    static ObjectNode timing(String benchmarkClass, String method, Map<String, String> params, double... forkMeans) {
        Bench b = new Bench(benchmarkClass, method, forkMeans.length, params);
        ObjectNode primary = b.node.putObject("primaryMetric");
        ArrayNode histogram = primary.putArray("rawDataHistogram");
        for (double mean : forkMeans) {
            ArrayNode fork = histogram.addArray();
            for (int i = 0; i < ITERATIONS; i++) {
                fork.addArray().addArray().add(mean).add(10);
            }
        }
        primary.put("score", forkMeans[0]).put("scoreError", "NaN").put("scoreUnit", "us/op");
        primary.putObject("scorePercentiles").put("50.0", forkMeans[0]).put("99.0", forkMeans[0]);
        b.node.put("mode", "sample");
        b.node.remove("secondaryMetrics");
        return b.node;
    }

    /**
     * A churn configuration run as rounds (cli/Rounds' shape): one single-fork result per round,
     * round r's reads scaled by {@code factors[r]}, tagged with study, round and slot.
     */
    static List<ObjectNode> rounds(String study, boolean twin, Map<String, String> params, double okPerSecond, double... factors) {
        List<ObjectNode> results = new java.util.ArrayList<>();
        for (int r = 0; r < factors.length; r++) {
            ObjectNode result = churn(params, okPerSecond * factors[r], ErrorClass.BUSY, 0, 1.0);
            result.putObject("round").put("study", study).put("round", r + 1).put("slot", twin ? 2 : 1).put("seed", 1).put("twin", twin);
            results.add(result);
        }
        return results;
    }

    static Path write(Path file, List<ObjectNode> results) {
        ArrayNode array = JSON.createArrayNode();
        results.forEach(array::add);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static List<Result> configs(List<ObjectNode> results, Path dir) {
        return JmhJson.read(List.of(write(dir.resolve("results.json"), results)), "environment.json");
    }

    static Map<String, String> params(String... keyValues) {
        java.util.Map<String, String> map = new java.util.TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A churn configuration: reads at {@code okPerSecond} with a share failing of one class, DDL at {@code ddlPerSecond}. */
    static ObjectNode churn(Map<String, String> params, int forks, double okPerSecond, ErrorClass error, double failedShare,
                            double ddlPerSecond) {
        return new Bench("ChurnBenchmark", "churn", forks, params)
                .role(CounterNames.OPERATION, "reader", okPerSecond, error, failedShare)
                .role(CounterNames.DDL, "churner", ddlPerSecond, ErrorClass.BUSY, 0).node;
    }

    /** Reads at {@code okPerSecond} in every fork, fork f failing {@code failedShares[f]} of its attempts with BUSY. */
    static ObjectNode churnFailing(Map<String, String> params, double okPerSecond, double... failedShares) {
        return new Bench("ChurnBenchmark", "churn", failedShares.length, params)
                .role(CounterNames.OPERATION, "reader", (f, i) -> Math.round(okPerSecond), ErrorClass.BUSY,
                        (f, i) -> Math.round(okPerSecond * failedShares[f] / (1 - failedShares[f])))
                .role(CounterNames.DDL, "churner", 1000, ErrorClass.BUSY, 0).node;
    }

    /** The same, with fork f's reads scaled by {@code factors[f]} (spread between forks). */
    static ObjectNode churn(Map<String, String> params, double okPerSecond, ErrorClass error, double failedShare, double... factors) {
        long failedBase = Math.round(okPerSecond * failedShare / (1 - failedShare));
        return new Bench("ChurnBenchmark", "churn", factors.length, params)
                .role(CounterNames.OPERATION, "reader", (f, i) -> Math.round(okPerSecond * factors[f]), error,
                        (f, i) -> Math.round(failedBase * factors[f]))
                .role(CounterNames.DDL, "churner", 1000, ErrorClass.BUSY, 0).node;
    }

    /**
     * The seed's site served by worker processes (SeedSiteBenchmark's counters): per 1 s iteration
     * {@code pagesOk} served pages, fork f's pages failing with code 17 at {@code schemaShares[f]};
     * registrations at {@code perSecond}; every page timed with a window of {@code windowMicros} (90 %
     * schema load), the schema at {@code objects} objects, {@code lateShare} of the pages late.
     */
    static Bench site(Map<String, String> params, long pagesOk, double perSecond, double windowMicros, double objects, double lateShare,
                      double... schemaShares) {
        BiFunction<Integer, Integer, Long> failed = (f, i) -> Math.round(pagesOk * schemaShares[f] / (1 - schemaShares[f]));
        BiFunction<Integer, Integer, Double> pages = (f, i) -> (double) (pagesOk + failed.apply(f, i));
        return new Bench("SeedSiteBenchmark", "registration", schemaShares.length, params)
                .role(CounterNames.OPERATION, "registration", (f, i) -> pagesOk, ErrorClass.SCHEMA, failed)
                .role(CounterNames.DDL, "registrations", (f, i) -> Math.round(perSecond), ErrorClass.BUSY, (f, i) -> 0L)
                .counter(CounterNames.PAGE_TIMED, pages)
                .counter(CounterNames.PAGE_SCHEMA_LOAD_MICROS, (f, i) -> pages.apply(f, i) * windowMicros * 0.9)
                .counter(CounterNames.PAGE_PREPARE_TO_STEP_MICROS, (f, i) -> pages.apply(f, i) * windowMicros * 0.1)
                .counter(CounterNames.PAGE_RETRIED, (f, i) -> 0.0)
                .counter(CounterNames.PAGE_LATE, (f, i) -> (double) Math.round(pages.apply(f, i) * lateShare))
                .counter(CounterNames.PAGE_LAG_MICROS, (f, i) -> pages.apply(f, i) * 1000)
                .counter(CounterNames.PAGE_SCHEMA_OBJECTS_START, (f, i) -> objects)
                .counter(CounterNames.PAGE_SCHEMA_OBJECTS_END, (f, i) -> objects);
    }
}
