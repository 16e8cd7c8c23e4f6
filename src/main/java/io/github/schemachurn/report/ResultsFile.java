package io.github.schemachurn.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads one JMH JSON results file ({@code -rf json}) of this suite into {@link BenchmarkRow}s.
 * Every problem (missing, unreadable, empty, not JSON, not JMH's shape, another suite's results)
 * is a {@link ReportException} whose one line names the file and the problem.
 */
public final class ResultsFile {
    static final String SUITE_PACKAGE = "io.github.schemachurn.bench.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsFile() {}

    public static List<BenchmarkRow> read(Path file) {
        Question question = Question.forFile(file);
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw new ReportException(file + ": not a JMH results file (expected a JSON array of benchmark results, found "
                    + kind(root) + ")");
        }
        if (root.isEmpty()) {
            throw new ReportException(file + ": no benchmark results in it (an empty array)");
        }
        List<BenchmarkRow> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "result " + (i + 1);
            try {
                rows.add(row(file, question, root.get(i), where));
            } catch (Shape e) {
                throw new ReportException(file + ": " + where + " is not in JMH's result shape: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ReportException(file + ": " + where + ": " + e.getMessage());
            }
        }
        return rows;
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
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
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

    private static BenchmarkRow row(Path file, Question question, JsonNode result, String where) {
        if (!result.isObject()) {
            throw new Shape("expected an object, found " + kind(result));
        }
        String benchmark = text(result, "benchmark");
        if (!benchmark.startsWith(SUITE_PACKAGE) || benchmark.indexOf('.', SUITE_PACKAGE.length()) < 0) {
            throw new ReportException(file + ": " + where + " is " + benchmark + ", not a result of this suite ("
                    + SUITE_PACKAGE + "*)");
        }
        String qualified = benchmark.substring(SUITE_PACKAGE.length());
        String benchmarkClass = qualified.substring(0, qualified.indexOf('.'));
        String method = qualified.substring(qualified.indexOf('.') + 1);
        if (!benchmarkClass.equals(question.benchmarkClass())) {
            throw new ReportException(file + ": " + where + " comes from " + benchmarkClass + ", but " + question.key()
                    + " results come from " + question.benchmarkClass());
        }
        String mode = text(result, "mode");
        RunSettings settings = new RunSettings(text(result, "jmhVersion"), text(result, "jvm"),
                strings(field(result, "jvmArgs")), text(result, "jdkVersion"), text(result, "vmName"),
                text(result, "vmVersion"), integer(result, "threads"), integer(result, "forks"),
                integer(result, "warmupIterations"), text(result, "warmupTime"),
                integer(result, "measurementIterations"), text(result, "measurementTime"));

        SortedMap<String, String> params = new TreeMap<>();
        JsonNode paramsNode = result.get("params");
        if (paramsNode != null) {
            if (!paramsNode.isObject()) {
                throw new Shape("'params' is " + kind(paramsNode) + ", not an object");
            }
            paramsNode.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }

        SortedMap<String, Metric> roles = new TreeMap<>();
        SortedMap<String, List<List<Double>>> counterData = new TreeMap<>();
        JsonNode secondary = result.get("secondaryMetrics");
        if (secondary != null && !secondary.isObject()) {
            throw new Shape("'secondaryMetrics' is " + kind(secondary) + ", not an object");
        }
        boolean group = secondary != null && secondary.has("reader") || secondary != null && secondary.has("writer");
        if (!group) {
            roles.put(method, metric(field(result, "primaryMetric"), "primaryMetric", mode.equals("sample")));
        }
        if (secondary != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = secondary.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String where2 = "secondaryMetrics." + entry.getKey();
                if (text(entry.getValue(), "scoreUnit").equals("#")) {
                    counterData.put(entry.getKey(), rawData(entry.getValue(), where2));
                } else {
                    roles.put(entry.getKey(), metric(entry.getValue(), where2, mode.equals("sample")));
                }
            }
        }
        SortedMap<String, List<Counters>> counters = new TreeMap<>();
        for (String prefix : List.of(BenchmarkRow.OPERATIONS, BenchmarkRow.DDL)) {
            if (counterData.containsKey(prefix + "Attempts")) {
                counters.put(prefix, counters(counterData, prefix));
            }
        }
        return new BenchmarkRow(file.toString(), question, benchmarkClass, method, mode, params, settings, roles, counters);
    }

    /** Per-fork totals of one role's counters: each counter's iterations summed per fork. */
    private static List<Counters> counters(Map<String, List<List<Double>>> data, String prefix) {
        List<List<Double>> attempts = counter(data, prefix + "Attempts");
        List<Counters> forks = new ArrayList<>();
        for (int fork = 0; fork < attempts.size(); fork++) {
            Map<Failure, Long> failures = new java.util.EnumMap<>(Failure.class);
            for (Failure failure : Failure.values()) {
                failures.put(failure, forkTotal(counter(data, failure.counter(prefix)), fork, failure.counter(prefix)));
            }
            try {
                forks.add(new Counters(forkTotal(attempts, fork, prefix + "Attempts"),
                        forkTotal(counter(data, prefix + "Ok"), fork, prefix + "Ok"),
                        forkTotal(counter(data, prefix + "Retries"), fork, prefix + "Retries"), failures));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + " counters of fork " + (fork + 1) + ": " + e.getMessage());
            }
        }
        return forks;
    }

    private static List<List<Double>> counter(Map<String, List<List<Double>>> data, String name) {
        List<List<Double>> values = data.get(name);
        if (values == null) {
            throw new Shape("counter " + name + " is missing");
        }
        return values;
    }

    private static long forkTotal(List<List<Double>> values, int fork, String name) {
        if (fork >= values.size()) {
            throw new Shape("counter " + name + " has no data for fork " + (fork + 1));
        }
        double total = values.get(fork).stream().mapToDouble(Double::doubleValue).sum();
        if (total != Math.rint(total)) {
            throw new Shape("counter " + name + " is not a whole number: " + total);
        }
        return (long) total;
    }

    /** A role's metric; in sample-time mode with JMH's percentiles (its rawData then holds each iteration's mean). */
    private static Metric metric(JsonNode node, String where, boolean sampled) {
        if (!node.isObject()) {
            throw new Shape("'" + where + "' is " + kind(node) + ", not an object");
        }
        String unit = text(node, "scoreUnit");
        double score = number(field(node, "score"), where + ".score");
        double error = number(field(node, "scoreError"), where + ".scoreError");
        SortedMap<String, Double> percentiles = new TreeMap<>();
        if (sampled) {
            JsonNode given = field(node, "scorePercentiles");
            for (String p : Metric.REPORTED_PERCENTILES) {
                percentiles.put(p, number(field(given, p), where + ".scorePercentiles." + p));
            }
        }
        return new Metric(unit, score, error, rawData(node, where), percentiles);
    }

    private static List<List<Double>> rawData(JsonNode node, String where) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : array(field(node, "rawData"), where + ".rawData")) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode value : array(fork, where + ".rawData[fork]")) {
                iterations.add(number(value, where + ".rawData"));
            }
            if (iterations.isEmpty()) {
                throw new Shape("'" + where + ".rawData' has a fork without iterations");
            }
            forks.add(iterations);
        }
        if (forks.isEmpty()) {
            throw new Shape("'" + where + ".rawData' is empty");
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

    private static int integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.canConvertToInt()) {
            throw new Shape("'" + name + "' is not a whole number");
        }
        return value.intValue();
    }

    /** A number; JMH writes "NaN" as a string where it has no value (e.g. the error of one fork and iteration). */
    private static double number(JsonNode value, String where) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual() && value.asText().equals("NaN")) {
            return Double.NaN;
        }
        throw new Shape("'" + where + "' is not a number");
    }

    private static JsonNode array(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new Shape("'" + where + "' is " + kind(node) + ", not an array");
        }
        return node;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        array(node, "jvmArgs").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String kind(JsonNode node) {
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
