package io.github.schemachurn.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The studies beside the main questions: every results file in a subdirectory of the results
 * directory (results/scaling/*.json, results/reliability/*.json) as one table, and one chart where
 * the file varies a numeric parameter (the scaling curves). Unlike the main questions this part
 * does not interpret: it shows, for every configuration, each role's JMH score with its error and
 * per-fork values, every counter family's failure share by class, and derived rates where a
 * family carries its own time window (e.g. ddlMillis, pacedMicros).
 */
final class StudiesSection {
    record Output(String markdown, Map<String, byte[]> charts) {}

    private static final List<String> PREFERRED_CHART_ROLES = List.of("reader", "readers", "site", "request", "writer");
    private static final String[] OUTCOMES = {"Schema", "NoSuchTable", "Busy", "BusySnapshot", "Locked", "DeadStatement", "Other"};

    private final StringBuilder out = new StringBuilder();
    private final Map<String, byte[]> charts = new TreeMap<>();
    private final String chartLinkPrefix;

    private StudiesSection(String chartLinkPrefix) {
        this.chartLinkPrefix = chartLinkPrefix;
    }

    /** Empty output when the results directory has no study subdirectories. */
    static Output render(Path resultsDir, String chartLinkPrefix) {
        List<Path> files = studyFiles(resultsDir);
        StudiesSection section = new StudiesSection(chartLinkPrefix);
        if (!files.isEmpty()) {
            section.write(resultsDir, files);
        }
        return new Output(section.out.toString(), Map.copyOf(section.charts));
    }

    private static List<Path> studyFiles(Path resultsDir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(resultsDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> json = Files.newDirectoryStream(dir, "*.json")) {
                    json.forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new ReportException(resultsDir + ": cannot list its study directories (" + AtomicFiles.reason(e) + ")");
        }
        files.sort(null);
        return files;
    }

    private void write(Path resultsDir, List<Path> files) {
        line("## Studies: scaling and reliability");
        line("");
        line("Each table below is one results file of `results/run-scaling.sh` (results/scaling/) or "
                + "`results/run-reliability.sh` (results/reliability/), shown as measured: each role's JMH score "
                + "± its 99.9 % error and the mean of every fork, and for every counter family the share of attempts "
                + "that failed, by SQLite result code. The benchmark classes' Javadoc says what each study varies and why.");
        line("");
        for (Path file : files) {
            study(resultsDir, file);
        }
    }

    /** One configuration of a study file: its benchmark, parameters, role metrics and counters (summed over iterations, per fork). */
    private record Config(String benchmark, SortedMap<String, String> params, String mode,
                          SortedMap<String, JsonNode> roles, SortedMap<String, List<Double>> counterForks) {}

    private void study(Path resultsDir, Path file) {
        List<Config> configs = read(file);
        String name = resultsDir.relativize(file).toString().replace('\\', '/');
        Set<String> benchmarks = configs.stream().map(Config::benchmark).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> varied = variedParams(configs);
        line("### " + name.replaceFirst("\\.json$", ""));
        line("");
        line("From results/" + name + ": " + String.join(", ", benchmarks) + ". " + fixedLine(configs, varied));
        line("");
        chart(name, configs, varied);

        List<String> header = new ArrayList<>(List.of("benchmark"));
        header.addAll(varied);
        header.addAll(List.of("role: score ± error (forks)", "failed, by class", "other counters"));
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        for (Config config : configs) {
            List<String> cells = new ArrayList<>(List.of(config.benchmark()));
            varied.forEach(p -> cells.add(config.params().getOrDefault(p, "")));
            cells.add(roles(config));
            cells.add(failures(config));
            cells.add(otherCounters(config));
            line("| " + cells.stream().map(StudiesSection::cell).collect(Collectors.joining(" | ")) + " |");
        }
        line("");
    }

    private static List<Config> read(Path file) {
        JsonNode root = ResultsFile.parse(file);
        if (!root.isArray() || root.isEmpty()) {
            throw new ReportException(file + ": not a JMH results file (expected a non-empty JSON array)");
        }
        List<Config> configs = new ArrayList<>();
        for (JsonNode result : root) {
            String benchmark = text(file, result, "benchmark");
            if (!benchmark.startsWith(ResultsFile.SUITE_PACKAGE)) {
                throw new ReportException(file + ": " + benchmark + " is not a result of this suite");
            }
            SortedMap<String, String> params = new TreeMap<>();
            JsonNode paramsNode = result.path("params");
            paramsNode.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            SortedMap<String, JsonNode> roles = new TreeMap<>();
            SortedMap<String, List<Double>> counters = new TreeMap<>();
            JsonNode secondary = result.path("secondaryMetrics");
            Iterator<Map.Entry<String, JsonNode>> fields = secondary.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (entry.getKey().matches("p\\d+\\.\\d+")) {
                    continue; // JMH lists a plain SampleTime benchmark's percentiles here too; they are in scorePercentiles
                }
                if ("#".equals(entry.getValue().path("scoreUnit").asText())) {
                    counters.put(entry.getKey(), forkTotals(file, entry.getKey(), entry.getValue()));
                } else {
                    roles.put(entry.getKey(), entry.getValue());
                }
            }
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            if (roles.isEmpty()) {
                roles.put(method, result.path("primaryMetric"));
            }
            String shortName = benchmark.substring(ResultsFile.SUITE_PACKAGE.length());
            configs.add(new Config(shortName, params, text(file, result, "mode"), roles, counters));
        }
        return configs;
    }

    private static List<Double> forkTotals(Path file, String name, JsonNode metric) {
        JsonNode raw = metric.path("rawData");
        if (!raw.isArray() || raw.isEmpty()) {
            throw new ReportException(file + ": counter " + name + " has no rawData");
        }
        List<Double> totals = new ArrayList<>();
        raw.forEach(fork -> {
            double sum = 0;
            for (JsonNode v : fork) {
                sum += v.asDouble();
            }
            totals.add(sum);
        });
        return totals;
    }

    private static String text(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ReportException(file + ": a result has no text field '" + field + "'");
        }
        return value.asText();
    }

    private static List<String> variedParams(List<Config> configs) {
        Map<String, Set<String>> values = new TreeMap<>();
        configs.forEach(c -> c.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v)));
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    private static String fixedLine(List<Config> configs, List<String> varied) {
        SortedMap<String, String> fixed = new TreeMap<>(configs.get(0).params());
        varied.forEach(fixed::remove);
        return fixed.isEmpty() ? "" : "Fixed: " + fixed.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ".";
    }

    private static String roles(Config config) {
        List<String> parts = new ArrayList<>();
        config.roles().forEach((role, metric) -> {
            StringBuilder text = new StringBuilder(role).append(": ").append(Fmt.num(metric.path("score").asDouble()));
            double error = metric.path("scoreError").asDouble(Double.NaN);
            if (!Double.isNaN(error)) {
                text.append(" ± ").append(Fmt.num(error));
            }
            text.append(' ').append(metric.path("scoreUnit").asText());
            if (config.mode().equals("sample")) {
                JsonNode p = metric.path("scorePercentiles");
                text.append(", p50 ").append(Fmt.num(p.path("50.0").asDouble()))
                        .append(" / p99 ").append(Fmt.num(p.path("99.0").asDouble()))
                        .append(" / p99.9 ").append(Fmt.num(p.path("99.9").asDouble()));
            }
            List<Double> forks = forkMeans(metric);
            if (!forks.isEmpty()) {
                text.append(" (forks ").append(Fmt.forks(forks)).append(')');
            }
            parts.add(text.toString());
        });
        return String.join("; ", parts);
    }

    private static List<Double> forkMeans(JsonNode metric) {
        List<Double> means = new ArrayList<>();
        metric.path("rawData").forEach(fork -> {
            double sum = 0;
            int n = 0;
            for (JsonNode v : fork) {
                sum += v.asDouble();
                n++;
            }
            means.add(n == 0 ? Double.NaN : sum / n);
        });
        return means;
    }

    private static double total(Config config, String counter) {
        return config.counterForks().getOrDefault(counter, List.of()).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The counter families (prefix + Attempts), each as "prefix: n attempts, x % failed (class share, …)". */
    private static List<String> families(Config config) {
        return config.counterForks().keySet().stream().filter(n -> n.endsWith("Attempts"))
                .map(n -> n.substring(0, n.length() - "Attempts".length())).toList();
    }

    private static String failures(Config config) {
        List<String> parts = new ArrayList<>();
        for (String family : families(config)) {
            double attempts = total(config, family + "Attempts");
            double ok = total(config, family + "Ok");
            StringBuilder text = new StringBuilder(family).append(": ").append(count(attempts)).append(" attempts, ")
                    .append(attempts == 0 ? "n/a" : Fmt.pct(100 * (attempts - ok) / attempts)).append(" failed");
            List<String> classes = new ArrayList<>();
            for (String outcome : OUTCOMES) {
                double n = total(config, family + outcome);
                if (n > 0) {
                    classes.add(outcome + " " + Fmt.pct(100 * n / attempts));
                }
            }
            if (!classes.isEmpty()) {
                text.append(" (").append(String.join(", ", classes)).append(')');
            }
            rate(config, family, "Millis", 1_000).ifPresent(r -> text.append("; ").append(r));
            rate(config, family, "Micros", 1_000_000).ifPresent(r -> text.append("; ").append(r));
            parts.add(text.toString());
        }
        return parts.isEmpty() ? "" : String.join("; ", parts);
    }

    /** A family that counts its own time window: its successes per second over that window. */
    private static java.util.Optional<String> rate(Config config, String family, String unit, double perSecond) {
        double window = total(config, family + unit);
        if (!config.counterForks().containsKey(family + unit) || window <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Fmt.num(total(config, family + "Ok") * perSecond / window) + " ok/s over " + family + unit);
    }

    private static String otherCounters(Config config) {
        List<String> families = families(config);
        Map<String, Double> other = new LinkedHashMap<>();
        config.counterForks().forEach((name, forks) -> {
            boolean inFamily = families.stream().anyMatch(f -> name.startsWith(f) && isFamilyField(name.substring(f.length())));
            if (!inFamily) {
                other.put(name, forks.stream().mapToDouble(Double::doubleValue).sum());
            }
        });
        return other.entrySet().stream().map(e -> e.getKey() + " " + count(e.getValue())).collect(Collectors.joining(", "));
    }

    private static boolean isFamilyField(String suffix) {
        if (List.of("Attempts", "Ok", "Retries", "Millis", "Micros").contains(suffix)) {
            return true;
        }
        for (String outcome : OUTCOMES) {
            if (outcome.equals(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A curve where the file varies a numeric parameter: x is that parameter, one series per other combination. */
    private void chart(String name, List<Config> configs, List<String> varied) {
        String x = varied.stream().filter(p -> configs.stream().anyMatch(c -> isNumber(c.params().get(p)))).findFirst().orElse(null);
        if (x == null) {
            return;
        }
        List<String> categories = configs.stream().map(c -> c.params().get(x)).distinct().toList();
        Map<String, List<List<Double>>> series = new LinkedHashMap<>();
        Set<String> units = new LinkedHashSet<>();
        boolean oneBenchmark = configs.stream().map(Config::benchmark).distinct().count() == 1;
        for (Config config : configs) {
            String role = chartRole(config);
            JsonNode metric = config.roles().get(role);
            units.add(metric.path("scoreUnit").asText());
            String label = oneBenchmark ? role : config.benchmark() + (config.benchmark().endsWith("." + role) ? "" : " " + role);
            String seriesName = label
                    + varied.stream().filter(p -> !p.equals(x)).map(p -> " " + p + "=" + config.params().get(p))
                            .collect(Collectors.joining());
            List<List<Double>> values = series.computeIfAbsent(seriesName, k -> {
                List<List<Double>> empty = new ArrayList<>();
                categories.forEach(c -> empty.add(new ArrayList<>()));
                return empty;
            });
            List<Double> forks = forkMeans(metric);
            // A plain SampleTime result has no per-fork rawData, only a histogram: plot its mean.
            values.set(categories.indexOf(config.params().get(x)), forks.isEmpty() ? List.of(metric.path("score").asDouble()) : forks);
        }
        List<ChartWriter.Series> list = series.entrySet().stream().map(e -> new ChartWriter.Series(e.getKey(), e.getValue())).toList();
        String chartName = "study-" + name.replaceFirst("\\.json$", "").replaceAll("[^A-Za-z0-9]+", "-") + ".png";
        String title = name + ": by " + x;
        charts.put(chartName, ChartWriter.png(new ChartWriter.Chart(title, x, String.join(", ", units), categories, list)));
        line("![" + title + "](" + chartLinkPrefix + chartName + ")");
        line("");
    }

    private static String chartRole(Config config) {
        for (String preferred : PREFERRED_CHART_ROLES) {
            if (config.roles().containsKey(preferred)) {
                return preferred;
            }
        }
        return config.roles().firstKey();
    }

    private static boolean isNumber(String value) {
        return value != null && value.matches("\\d+");
    }

    /** Counters are whole numbers. */
    private static String count(double value) {
        return String.format(java.util.Locale.ROOT, "%,d", Math.round(value));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
