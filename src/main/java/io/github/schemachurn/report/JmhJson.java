package io.github.schemachurn.report;

import io.github.schemachurn.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.schemachurn.sqlite.CounterNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Reads JMH JSON results ({@code -rf json}) of this suite: any files, or every *.json under a
 * directory (but the environment file). Each result is recognised by its content; results of one
 * configuration found in several files are pooled. Every problem is a {@link ReportException}
 * whose one line names the file and the problem.
 */
public final class JmhJson {
    public static final String SUITE_PACKAGE = "io.github.schemachurn.bench.";
    /** The pseudo-param that carries the thread count, per role, in {@link Result#params()}. */
    static final String THREADS = "threads";
    /** A directory of results beside the published ones: a second run to compare with, never pooled with them. */
    static final String REPLICATE_DIR = "replicate";
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private JmhJson() {}

    /** Every result in the given files and directories, pooled by configuration, in first-seen order, its roles' counters checked; A/A twins left out. */
    public static List<Result> read(List<Path> inputs, String environmentFileName) {
        return readRun(inputs, environmentFileName).results();
    }

    /** The results, and apart from them the A/A controls' second runs (twins), each pooled by configuration. */
    record Read(List<Result> results, List<Result> twins) {}

    static Read readRun(List<Path> inputs, String environmentFileName) {
        Map<String, Result> byKey = new LinkedHashMap<>();
        Map<String, Result> twins = new LinkedHashMap<>();
        for (Path file : files(inputs, environmentFileName)) {
            for (Result result : readFile(file)) {
                (result.rounds().stream().anyMatch(Result.Round::twin) ? twins : byKey).merge(result.key(), result, Result::pool);
            }
        }
        for (Result result : byKey.values()) {
            try {
                result.op(); // reading a role checks its counters
                result.ddl();
            } catch (IllegalArgumentException e) {
                throw new ReportException(e.getMessage());
            }
        }
        return new Read(List.copyOf(byKey.values()), List.copyOf(twins.values()));
    }

    static List<Path> files(List<Path> inputs, String environmentFileName) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    List<Path> found = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                            .filter(p -> !input.relativize(p).toString().startsWith(REPLICATE_DIR + java.io.File.separator))
                            .filter(p -> !p.getFileName().toString().equals(environmentFileName)).sorted().toList();
                    if (found.isEmpty()) {
                        throw new ReportException(input + ": no results files (*.json) in it");
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    throw new ReportException(input + ": cannot list it (" + AtomicFiles.reason(e) + ")");
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    static JsonNode parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReportException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ReportException(file + ": cannot read it (permission denied)");
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read it (" + oneLine(e.getMessage()) + ")");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new ReportException(file + ": empty file");
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ReportException(file + ": not valid JSON" + at + " (" + oneLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read it (" + oneLine(e.getMessage()) + ")");
        }
    }

    public static List<Result> readFile(Path file) {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw new ReportException(file + ": not a JMH results file (expected a JSON array of benchmark results, found "
                    + kind(root) + ")");
        }
        if (root.isEmpty()) {
            throw new ReportException(file + ": no benchmark results in it (an empty array)");
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = file + ": result " + (i + 1);
            try {
                results.add(bind(root.get(i), JmhResult.class).toResult());
            } catch (Invalid e) {
                throw new ReportException(where + " is not in JMH's result shape: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ReportException(where + ": " + e.getMessage());
            }
        }
        return results;
    }

    /**
     * The report's one way to read JSON: bound to a record whose constructor checks its fields
     * ({@link Invalid}). Any problem becomes one line naming the field by its path, e.g.
     * 'primaryMetric.rawData' holds something that is not a number.
     */
    static <T> T bind(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            if (e.getCause() instanceof Invalid field) {
                throw path.isEmpty() ? field : new Invalid(path + "." + field.field, field.problem);
            }
            throw path.isEmpty() ? new Invalid(null, oneLine(e.getOriginalMessage())) : new Invalid(path, "is missing or not a valid value");
        } catch (JsonProcessingException e) {
            throw new Invalid(null, oneLine(e.getOriginalMessage()));
        }
    }

    /** One result as JMH writes it, the fields the report reads; anything else JMH writes is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record JmhResult(String benchmark, String mode, Integer threads, Map<String, String> params, String measurementTime,
                             String jmhVersion, String jdkVersion, String vmName, JmhMetric primaryMetric,
                             Map<String, JmhMetric> secondaryMetrics, JmhRound round) {
        JmhResult {
            require("benchmark", benchmark);
            require("mode", mode);
            require("threads", threads);
            require("measurementTime", measurementTime);
            require("jmhVersion", jmhVersion);
            require("jdkVersion", jdkVersion);
            require("vmName", vmName);
            require("primaryMetric", primaryMetric);
            params = params == null ? Map.of() : params;
            secondaryMetrics = secondaryMetrics == null ? Map.of() : secondaryMetrics;
            secondaryMetrics.forEach((name, metric) -> require("secondaryMetrics." + name, metric));
        }

        Result toResult() {
            String rest = benchmark.startsWith(SUITE_PACKAGE) ? benchmark.substring(SUITE_PACKAGE.length()) : "";
            if (rest.indexOf('.') <= 0) {
                throw new IllegalArgumentException("it is " + benchmark + ", not a result of this suite (" + SUITE_PACKAGE + "*)");
            }
            String method = rest.substring(rest.indexOf('.') + 1);
            SortedMap<String, Result.Metric> metrics = new TreeMap<>();
            metrics.put(method, primaryMetric.toMetric("primaryMetric"));
            SortedMap<String, List<List<Double>>> counters = new TreeMap<>();
            secondaryMetrics.forEach((metric, value) -> {
                String at = "secondaryMetrics." + metric;
                if (metric.contains(":") || metric.matches("p\\d+\\.\\d+")) {
                    return; // a sample-mode percentile, which JMH also lists in scorePercentiles
                } else if (value.scoreUnit.equals("#")) {
                    counters.put(metric, require(at + ".rawData", value.rawData));
                } else {
                    metrics.put(metric, value.toMetric(at));
                }
            });
            // The thread count (-t, -tg) is part of the configuration like a param: results of one
            // benchmark at 1 and at 3 readers are two configurations, never forks of one.
            SortedMap<String, String> configuration = new TreeMap<>(params);
            configuration.put(THREADS, roleThreads(threads, counters));
            Result result = new Result(rest.substring(0, rest.indexOf('.')), method, mode, configuration, seconds(measurementTime),
                    jmhVersion, jdkVersion, vmName, metrics, counters);
            return round == null ? result : result.inRound(round.toRound());
        }
    }

    /** The round a fork ran in, as cli/Rounds adds it to JMH's result; absent in plain JMH results. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record JmhRound(String study, Integer round, Integer slot, Boolean twin) {
        Result.Round toRound() {
            if (require("round.round", round) < 1 || require("round.slot", slot) < 1) {
                throw new Invalid("round", "numbers a round or slot below 1");
            }
            return new Result.Round(require("round.study", study), round, slot, require("round.twin", twin));
        }
    }

    /**
     * A timing metric or a counter as JMH writes it: per fork per iteration values, or in sample
     * mode a histogram ([value, count] pairs) per iteration, of which we take the mean.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record JmhMetric(String scoreUnit, List<List<Double>> rawData,
                             List<List<List<List<Double>>>> rawDataHistogram, Map<String, Double> scorePercentiles) {
        JmhMetric {
            require("scoreUnit", scoreUnit);
            if (rawData != null) {
                numbers("rawData", rawData);
            } else {
                for (List<List<List<Double>>> fork : require("rawDataHistogram", rawDataHistogram)) {
                    for (List<List<Double>> iteration : require("rawDataHistogram", fork)) {
                        for (List<Double> bin : numbers("rawDataHistogram", require("rawDataHistogram", iteration))) {
                            if (bin.size() != 2) {
                                throw new Invalid("rawDataHistogram", "holds a bin that is not a [value, count] pair");
                            }
                        }
                    }
                }
            }
            scorePercentiles = scorePercentiles == null ? Map.of() : scorePercentiles;
            if (scorePercentiles.values().stream().anyMatch(Objects::isNull)) {
                throw new Invalid("scorePercentiles", "holds something that is not a number");
            }
        }

        Result.Metric toMetric(String where) {
            List<List<Double>> forks = rawData != null ? rawData
                    : rawDataHistogram.stream().map(fork -> fork.stream().map(JmhMetric::mean).toList()).toList();
            if (forks.isEmpty() || forks.stream().anyMatch(List::isEmpty)) {
                throw new Invalid(where, "has no measured iterations");
            }
            return new Result.Metric(scoreUnit, forks, new TreeMap<>(scorePercentiles));
        }

        /** The mean of one iteration's histogram, a list of [value, count] pairs. */
        private static double mean(List<List<Double>> bins) {
            double sum = 0;
            double count = 0;
            for (List<Double> bin : bins) {
                sum += bin.get(0) * bin.get(1);
                count += bin.get(1);
            }
            return count == 0 ? Double.NaN : sum / count;
        }
    }

    /**
     * The threads of each role the suite counts ("2 op + 1 ddl", from the roles' thread counters);
     * JMH writes only its total, which cannot tell {@code -tg 1,0} (the churner alone) from
     * {@code -tg 0,1} (the reader alone). A result that counts no role is a timing of the
     * measured operation in each of JMH's threads.
     */
    private static String roleThreads(int jmhThreads, Map<String, List<List<Double>>> counters) {
        List<String> roles = new ArrayList<>();
        for (String prefix : List.of(CounterNames.OPERATION, CounterNames.DDL)) {
            List<List<Double>> perIteration = counters.get(prefix + CounterNames.THREADS);
            if (perIteration != null) {
                double most = perIteration.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(0);
                roles.add(Math.round(most) + " " + prefix);
            }
        }
        return roles.isEmpty() ? jmhThreads + " " + CounterNames.OPERATION : String.join(" + ", roles);
    }

    /** The lists, once every value in them is a number (JMH's "NaN" strings read as NaN). */
    private static <T extends List<Double>> List<T> numbers(String field, List<T> lists) {
        for (List<Double> list : lists) {
            if (list == null || list.stream().anyMatch(Objects::isNull)) {
                throw new Invalid(field, "holds something that is not a number");
            }
        }
        return lists;
    }

    /** A time as JMH writes it ("1 s", "500 ms"), read back by JMH's own {@link TimeValue}. */
    static double seconds(String time) {
        try {
            return TimeValue.fromString(time).convertTo(TimeUnit.NANOSECONDS) / 1e9;
        } catch (IllegalArgumentException e) {
            throw new Invalid("measurementTime", "is not a time: " + time);
        }
    }

    static <T> T require(String field, T value) {
        if (value == null) {
            throw new Invalid(field, "is missing");
        }
        return value;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /** A field missing or not a valid value: one line naming it ('field' problem); {@link #bind} prefixes its path. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String problem;

        Invalid(String field, String problem) {
            super(field == null ? problem : "'" + field + "' " + problem, null, false, false);
            this.field = field;
            this.problem = problem;
        }
    }
}
