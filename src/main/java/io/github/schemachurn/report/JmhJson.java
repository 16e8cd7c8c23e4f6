package io.github.schemachurn.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Reads JMH JSON results ({@code -rf json}) of this suite: any files, or every *.json under a
 * directory (but the environment file). Each result is recognised by its content; results of one
 * configuration found in several files are pooled. Every problem is a {@link ReportException}
 * whose one line names the file and the problem.
 */
final class JmhJson {
    static final String SUITE_PACKAGE = "io.github.schemachurn.bench.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJson() {}

    /** Every result in the given files and directories, pooled by configuration, in first-seen order. */
    static List<Result> read(List<Path> inputs, String environmentFileName) {
        Map<String, Result> byKey = new LinkedHashMap<>();
        for (Path file : files(inputs, environmentFileName)) {
            for (Result result : readFile(file)) {
                byKey.merge(result.key(), result, Result::pool);
            }
        }
        return List.copyOf(byKey.values());
    }

    static List<Path> files(List<Path> inputs, String environmentFileName) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    List<Path> found = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
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

    static List<Result> readFile(Path file) {
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
                results.add(result(root.get(i), where));
            } catch (Shape e) {
                throw new ReportException(where + " is not in JMH's result shape: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ReportException(where + ": " + e.getMessage());
            }
        }
        return results;
    }

    private static Result result(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new Shape("expected an object, found " + kind(node));
        }
        String benchmark = text(node, "benchmark");
        String rest = benchmark.startsWith(SUITE_PACKAGE) ? benchmark.substring(SUITE_PACKAGE.length()) : "";
        if (rest.indexOf('.') <= 0) {
            throw new ReportException(where + " is " + benchmark + ", not a result of this suite (" + SUITE_PACKAGE + "*)");
        }
        String benchmarkClass = rest.substring(0, rest.indexOf('.'));
        String method = rest.substring(rest.indexOf('.') + 1);
        SortedMap<String, String> params = new TreeMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null) {
            if (!paramsNode.isObject()) {
                throw new Shape("'params' is " + kind(paramsNode) + ", not an object");
            }
            paramsNode.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        SortedMap<String, Result.Metric> metrics = new TreeMap<>();
        metrics.put(method, metric(field(node, "primaryMetric"), "primaryMetric"));
        SortedMap<String, List<List<Double>>> counters = new TreeMap<>();
        JsonNode secondary = node.get("secondaryMetrics");
        if (secondary != null) {
            if (!secondary.isObject()) {
                throw new Shape("'secondaryMetrics' is " + kind(secondary) + ", not an object");
            }
            secondary.fields().forEachRemaining(e -> {
                String name = e.getKey();
                if (name.contains(":") || name.matches("p\\d+\\.\\d+")) {
                    return; // a sample-mode percentile, which JMH also lists in scorePercentiles
                }
                String at = "secondaryMetrics." + name;
                if (text(e.getValue(), "scoreUnit").equals("#")) {
                    counters.put(name, values(field(e.getValue(), "rawData"), at + ".rawData"));
                } else {
                    metrics.put(name, metric(e.getValue(), at));
                }
            });
        }
        return new Result(benchmarkClass, method, text(node, "mode"), params, seconds(text(node, "measurementTime")),
                text(node, "jmhVersion"), text(node, "jdkVersion"), text(node, "vmName"), metrics, counters);
    }

    /** A time as JMH writes it ("1 s", "500 ms"), read back by JMH's own {@link TimeValue}. */
    static double seconds(String time) {
        try {
            return TimeValue.fromString(time).convertTo(TimeUnit.NANOSECONDS) / 1e9;
        } catch (IllegalArgumentException e) {
            throw new Shape("'measurementTime' is not a time: " + time);
        }
    }

    /** Per fork per iteration values; sample mode keeps a histogram per iteration, of which we take the mean. */
    private static Result.Metric metric(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new Shape("'" + where + "' is " + kind(node) + ", not an object");
        }
        List<List<Double>> forks;
        if (node.has("rawData")) {
            forks = values(node.get("rawData"), where + ".rawData");
        } else {
            forks = new ArrayList<>();
            for (JsonNode fork : array(field(node, "rawDataHistogram"), where + ".rawDataHistogram")) {
                List<Double> means = new ArrayList<>();
                for (JsonNode iteration : array(fork, where + ".rawDataHistogram")) {
                    double sum = 0;
                    double count = 0;
                    for (JsonNode bin : array(iteration, where + ".rawDataHistogram")) {
                        sum += number(bin.get(0), where) * number(bin.get(1), where);
                        count += number(bin.get(1), where);
                    }
                    means.add(count == 0 ? Double.NaN : sum / count);
                }
                forks.add(means);
            }
        }
        SortedMap<String, Double> percentiles = new TreeMap<>();
        JsonNode given = node.get("scorePercentiles");
        if (given != null && given.isObject()) {
            given.fields().forEachRemaining(e -> percentiles.put(e.getKey(), number(e.getValue(), where)));
        }
        if (forks.isEmpty() || forks.stream().anyMatch(List::isEmpty)) {
            throw new Shape("'" + where + "' has no measured iterations");
        }
        return new Result.Metric(text(node, "scoreUnit"), forks, percentiles);
    }

    private static List<List<Double>> values(JsonNode node, String where) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : array(node, where)) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode value : array(fork, where)) {
                iterations.add(number(value, where));
            }
            forks.add(iterations);
        }
        return forks;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new Shape("'" + name + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isValueNode()) {
            throw new Shape("'" + name + "' is " + kind(value) + ", not a value");
        }
        return value.asText();
    }

    /** A number; JMH writes "NaN" as a string where it has no value. */
    private static double number(JsonNode value, String where) {
        if (value != null && value.isNumber()) {
            return value.doubleValue();
        }
        if (value != null && value.isTextual() && value.asText().equals("NaN")) {
            return Double.NaN;
        }
        throw new Shape("'" + where + "' holds something that is not a number");
    }

    private static JsonNode array(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new Shape("'" + where + "' is " + (node == null ? "missing" : kind(node)) + ", not an array");
        }
        return node;
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

    /** A node that is not where JMH puts it; becomes one line naming the file. */
    private static final class Shape extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Shape(String message) {
            super(message, null, false, false);
        }
    }
}
