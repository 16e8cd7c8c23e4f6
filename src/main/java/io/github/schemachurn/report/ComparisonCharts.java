package io.github.schemachurn.report;

import io.github.schemachurn.report.chart.Bar;
import io.github.schemachurn.report.chart.Figure;
import io.github.schemachurn.report.chart.GroupedBars;
import io.github.schemachurn.report.chart.LatencyPercentiles;
import io.github.schemachurn.report.chart.Style;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The charts a reader asks about: an option (a param's values, or a class's methods) as coloured bars
 * with a legend, beside each other under every condition it was compared under, the conditions named
 * by the params that vary between them. One set per answer row (its comparisons), and one per study
 * (its configurations grouped by the param that pairs most of them). A chart holds the conditions of
 * one benchmark and at most {@link #MAX_CATEGORIES} of them; more make more charts.
 */
final class ComparisonCharts {
    /** Conditions per chart: beyond this the bars get too thin to compare and the labels too many to read. */
    static final int MAX_CATEGORIES = 8;
    /** The pseudo-param of a class whose methods are compared. */
    static final String METHOD = "method";

    private ComparisonCharts() {}

    /** One condition: the benchmark, the other params' values, and the configuration measured there per option. */
    record Condition(String benchmark, SortedMap<String, String> params, Map<String, Result> byOption) {}

    /**
     * Draws the charts of one answer row, registered in the run under names made from {@code workload};
     * {@link #links} gives them back.
     */
    static void answer(Run run, String param, List<Comparison> comparisons, String workload) {
        List<Condition> conditions = new ArrayList<>();
        for (Comparison c : comparisons) {
            Map<String, Result> byOption = new LinkedHashMap<>();
            c.options().forEach(o -> byOption.put(o.value(), o.config()));
            conditions.add(new Condition(benchmark(c.options().get(0).config()), c.context(), byOption));
        }
        draw(run, answerName(workload), workload + " (bars: " + param + ")", param, run.values(param), conditions);
    }

    /** Markdown links to the charts {@link #answer} drew for this row, empty if none. */
    static String links(Run run, String workload) {
        String prefix = answerName(workload) + "-";
        List<String> names = run.charts.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
        List<String> bars = names.stream().filter(n -> !n.endsWith(LATENCY)).toList();
        List<String> latency = names.stream().filter(n -> n.endsWith(LATENCY)).toList();
        if (bars.isEmpty()) {
            return "";
        }
        return links(run, bars.size() == 1 ? "chart" : "charts", bars)
                + (latency.isEmpty() ? "" : "; " + links(run, "latency", latency));
    }

    private static String links(Run run, String what, List<String> names) {
        if (names.size() == 1) {
            return "[" + what + "](" + run.link(names.get(0)) + ")";
        }
        List<String> links = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            links.add("[" + (i + 1) + "](" + run.link(names.get(i)) + ")");
        }
        return what + " " + String.join(", ", links);
    }

    private static final String LATENCY = "-latency.png";

    /** The charts of one study: its configurations with an operation, grouped by the option that pairs most of them; their links. */
    static List<String> study(Run run, String className, List<Result> configs) {
        List<Result> withOp = configs.stream().filter(c -> c.op().isPresent()).toList();
        if (withOp.isEmpty()) {
            return List.of();
        }
        String option = seriesOf(withOp);
        Function<Result, String> value = c -> option.equals(METHOD) ? c.method() : c.param(option);
        List<String> varied = Result.varied(withOp);
        Map<String, Condition> conditions = new LinkedHashMap<>();
        for (Result c : withOp) {
            SortedMap<String, String> params = new TreeMap<>();
            varied.stream().filter(p -> !p.equals(option)).forEach(p -> params.put(p, c.param(p) == null ? "–" : c.param(p)));
            if (!option.equals(METHOD) && methods(withOp) > 1) {
                params.put(METHOD, c.method());
            }
            conditions.computeIfAbsent(params.toString(), k -> new Condition(className, params, new LinkedHashMap<>()))
                    .byOption().put(value.apply(c), c);
        }
        // A param's options from the whole run, so each has the same colour in every chart.
        List<String> options = inLegendOrder(option.equals(METHOD) ? withOp.stream().map(value).distinct().toList() : run.values(option));
        return draw(run, className + "-" + option, className + " (bars: " + option + ")", option, options, new ArrayList<>(conditions.values()));
    }

    /**
     * The option of a study: the varied param (or the method) under which most configurations have a
     * partner measured with everything else equal; on a tie the one making fewer conditions.
     */
    static String seriesOf(List<Result> configs) {
        List<String> candidates = new ArrayList<>(Result.varied(configs));
        if (methods(configs) > 1) {
            candidates.add(METHOD);
        }
        String best = METHOD;
        long bestPaired = -1;
        long bestGroups = Long.MAX_VALUE;
        for (String candidate : candidates) {
            Map<String, Long> groups = configs.stream().collect(Collectors.groupingBy(c -> {
                SortedMap<String, String> rest = new TreeMap<>(c.params());
                rest.remove(candidate);
                return (candidate.equals(METHOD) ? c.benchmarkClass() : c.benchmark()) + rest;
            }, Collectors.counting()));
            long paired = groups.values().stream().filter(n -> n > 1).mapToLong(Long::longValue).sum();
            if (paired > bestPaired || (paired == bestPaired && groups.size() < bestGroups)) {
                best = candidate;
                bestPaired = paired;
                bestGroups = groups.size();
            }
        }
        return best;
    }

    private static long methods(List<Result> configs) {
        return configs.stream().map(c -> c.method()).distinct().count();
    }

    private static String benchmark(Result c) {
        return c.benchmarkClass();
    }

    /** Pages of at most {@link #MAX_CATEGORIES} conditions, sorted so that neighbours share values; charts registered; image lines returned. */
    private static List<String> draw(Run run, String name, String title, String option, List<String> allOptions, List<Condition> conditions) {
        List<Condition> sorted = new ArrayList<>(conditions);
        sorted.sort(order(conditions));
        int pages = (sorted.size() + MAX_CATEGORIES - 1) / MAX_CATEGORIES;
        List<String> images = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            // Pages of equal size: 9 conditions make pages of 5 and 4, not of 8 and 1.
            List<Condition> page = sorted.subList(i * sorted.size() / pages, (i + 1) * sorted.size() / pages);
            String pageTitle = title + (pages > 1 ? " (" + (i + 1) + " of " + pages + ")" : "");
            GroupedBars bars = grouped(pageTitle, option, allOptions, page);
            Figure figure = bars.draw();
            String chartName = name + "-" + (i + 1) + ".png";
            images.add("![" + pageTitle + "](" + run.chart(chartName, figure.png()) + ")");
            run.figures.put(chartName, figure);
            if (page.stream().flatMap(c -> c.byOption().values().stream()).anyMatch(c -> latency(c, OK_PERCENTILES.get(0)) > 0)) {
                String latencyTitle = pageTitle + ": latency";
                Figure latency = percentiles(latencyTitle, bars, page).draw();
                String latencyName = name + "-" + (i + 1) + LATENCY;
                images.add("![" + latencyTitle + "](" + run.chart(latencyName, latency.png()) + ")");
                run.figures.put(latencyName, latency);
            }
        }
        return images;
    }

    /** The latency counters drawn, by suffix: successful operations' p50 to p99.9, failed ones' p50 and p99. */
    static final List<String> OK_PERCENTILES = List.of(CounterNames.OK_P50_MICROS, CounterNames.OK_P90_MICROS,
            CounterNames.OK_P99_MICROS, CounterNames.OK_P999_MICROS);
    static final List<String> FAIL_PERCENTILES = List.of(CounterNames.FAIL_P50_MICROS, CounterNames.FAIL_P99_MICROS);

    /** The percentile plots of a page, for the options and conditions its bars show. */
    private static LatencyPercentiles percentiles(String title, GroupedBars bars, List<Condition> page) {
        List<List<double[]>> ok = new ArrayList<>();
        List<List<double[]>> failed = new ArrayList<>();
        for (String o : bars.options()) {
            ok.add(page.stream().map(c -> c.byOption().get(o)).map(c -> c == null ? null : latencies(c, OK_PERCENTILES)).toList());
            failed.add(page.stream().map(c -> c.byOption().get(o)).map(c -> c == null ? null : latencies(c, FAIL_PERCENTILES)).toList());
        }
        List<String> notes = List.of("Per condition, the operation's latency in µs: each iteration's percentile (the mean over the "
                + "role's threads), the median over a fork's iterations, the median over forks; one log axis for every plot. "
                + "Successful operations as a line; failed ones apart, as crosses at their p50 and p99.",
                bars.notes().stream().filter(n -> n.startsWith("Every condition")).findFirst().orElse(""));
        return new LatencyPercentiles(title, bars.options(), bars.colors(), bars.labels(), notes, ok, failed);
    }

    /** The given latency counters of a configuration's operation, null when none was recorded. */
    static double[] latencies(Result c, List<String> suffixes) {
        double[] values = suffixes.stream().mapToDouble(s -> latency(c, s)).toArray();
        return java.util.Arrays.stream(values).anyMatch(v -> v > 0) ? values : null;
    }

    /** A latency counter of the operation in µs, as the tables give it ({@link Role#latency}); NaN when not recorded. */
    static double latency(Result c, String suffix) {
        return c.op().flatMap(role -> role.latency(suffix)).orElse(Double.NaN);
    }

    /** Conditions ordered by benchmark, then by their params, the param with fewest values first, numbers as numbers. */
    private static Comparator<Condition> order(List<Condition> conditions) {
        List<String> params = conditions.stream().flatMap(c -> c.params().keySet().stream()).distinct()
                .sorted(Comparator.comparingLong((String p) -> conditions.stream().map(c -> c.params().get(p)).distinct().count())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        Comparator<Condition> order = Comparator.comparing(Condition::benchmark);
        for (String p : params) {
            order = order.thenComparing(c -> c.params().getOrDefault(p, ""), ComparisonCharts::compareValues);
        }
        return order;
    }

    /** Options as a legend lists them: numbers in numeric order (0, 100, 500, 2000), anything else in the run's order. */
    static List<String> inLegendOrder(List<String> options) {
        return options.stream().allMatch(ComparisonCharts::isNumber)
                ? options.stream().sorted(ComparisonCharts::compareValues).toList()
                : options;
    }

    private static int compareValues(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String value) {
        return value != null && value.matches("-?\\d+(\\.\\d+)?");
    }

    /** One page's chart data: labels from the params that vary on the page, the rest named once under it. */
    static GroupedBars grouped(String title, String option, List<String> allOptions, List<Condition> page) {
        List<String> options = allOptions.stream().filter(o -> page.stream().anyMatch(c -> c.byOption().containsKey(o))).toList();
        List<String> lineParams = page.stream().flatMap(c -> c.params().keySet().stream()).distinct()
                .filter(p -> page.stream().map(c -> c.params().get(p)).distinct().count() > 1).sorted().toList();
        boolean benchmarks = page.stream().map(Condition::benchmark).distinct().count() > 1;
        SortedMap<String, String> common = new TreeMap<>();
        page.get(0).params().forEach((p, v) -> {
            if (!lineParams.contains(p) && v != null) {
                common.put(p, v);
            }
        });
        List<List<String>> labels = new ArrayList<>();
        for (Condition c : page) {
            List<String> lines = new ArrayList<>();
            if (benchmarks) {
                lines.add(c.benchmark());
            }
            // A param the condition's benchmark does not have is left out, not shown as a dash.
            lineParams.stream().filter(p -> c.params().get(p) != null && !c.params().get(p).equals("–"))
                    .forEach(p -> lines.add(label(p, c.params().get(p))));
            if (lines.isEmpty()) {
                lines.add("all");
            }
            failureClasses(c).ifPresent(lines::add);
            labels.add(lines);
        }
        List<List<Bar>> ok = new ArrayList<>();
        List<List<Bar>> failed = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (String o : options) {
            ok.add(page.stream().map(c -> c.byOption().get(o)).map(c -> c == null ? null : bar(c.op().orElseThrow().rate())).toList());
            failed.add(page.stream().map(c -> c.byOption().get(o)).map(c -> c == null ? null : bar(c.op().orElseThrow().failedShare())).toList());
            colors.add(Style.optionColor(allOptions.indexOf(o)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Bars: one per " + option + ", in its colour; above, the mean of the forks' successful operations per second"
                + " (log axis; no bar: none succeeded or not measured); below, the share of attempts that failed (any error class)."
                + " Whiskers: the 95 % interval over the forks (one per round; none with one fork; no cap where it runs off the axis).");
        List<String> lines = new ArrayList<>(lineParams);
        if (benchmarks) {
            lines.add(0, "benchmark");
        }
        if (!lines.isEmpty()) {
            notes.add("Label lines, top to bottom: " + String.join(", ", lines) + (benchmarks ? " (each where its benchmark has it)" : "")
                    + "; then, where attempts failed, the error classes of at least 5 % of the failures.");
        }
        String every = (benchmarks ? "" : page.get(0).benchmark() + (common.isEmpty() ? "" : ", "))
                + common.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        if (!every.isEmpty()) {
            notes.add("Every condition here: " + every + ".");
        }
        List<String> classes = new ArrayList<>();
        for (String o : options) {
            Map<ErrorClass, Long> byClass = Role.failuresByClass(page.stream().map(c -> c.byOption().get(o))
                    .filter(java.util.Objects::nonNull).map(c -> c.op().orElseThrow()).toList());
            double failures = byClass.values().stream().mapToLong(Long::longValue).sum();
            if (failures > 0) {
                classes.add(o + ": " + byClass.entrySet().stream()
                        .map(e -> e.getKey().counterSuffix() + " " + Fmt.pct(100 * e.getValue() / failures))
                        .collect(Collectors.joining(", ")));
            }
        }
        if (!classes.isEmpty()) {
            notes.add("Failed attempts by class, all conditions here: " + String.join("; ", classes) + ".");
        }
        List<String> disagree = new ArrayList<>();
        for (int c = 0; c < page.size(); c++) {
            for (String o : options) {
                Result config = page.get(c).byOption().get(o);
                if (config != null && config.op().orElseThrow().rate().forksDisagree()) {
                    disagree.add(o + " at " + String.join(" ", labels.get(c).stream().filter(l -> !l.startsWith("fails: ")).toList()));
                }
            }
        }
        if (!disagree.isEmpty()) {
            notes.add("Forks disagree (largest/smallest fork > " + Fmt.num(Stats.FORK_RATIO) + "; the bar is their mean): "
                    + String.join("; ", disagree) + ".");
        }
        return new GroupedBars(title, options, colors, labels, notes, ok, failed);
    }

    /** A figure as a bar: its value, and its 95 % interval where it has one (none with one fork). */
    static Bar bar(Estimate e) {
        boolean interval = e.forks().size() >= 2;
        return new Bar(e.value(), interval ? e.low() : Double.NaN, interval ? e.high() : Double.NaN);
    }

    /** "fails: Schema, Busy": the error classes of at least 5 % of a condition's failed attempts (all options), most first. */
    private static java.util.Optional<String> failureClasses(Condition c) {
        Map<ErrorClass, Long> byClass = Role.failuresByClass(c.byOption().values().stream().map(r -> r.op().orElseThrow()).toList());
        long failures = byClass.values().stream().mapToLong(Long::longValue).sum();
        if (failures == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("fails: " + byClass.entrySet().stream().filter(e -> e.getValue() >= 0.05 * failures)
                .map(e -> e.getKey().counterSuffix()).collect(Collectors.joining(", ")));
    }

    /** A label line: an enum-like value alone, a number with its param's (short) name. */
    static String label(String param, String value) {
        if (value == null || value.equals("–")) {
            return shortName(param) + " –";
        }
        return isNumber(value) ? shortName(param) + " " + value : value;
    }

    private static String shortName(String param) {
        return switch (param) {
            case Run.EXTRA_TABLES -> "tables";
            case Run.BUSY_TIMEOUT -> "timeout ms";
            case "ddlPerSecond" -> "DDL/s";
            case "writerPauseUs" -> "pause µs";
            default -> param;
        };
    }

    /** The answer row's chart name: the workload's words, lower case. */
    static String answerName(String workload) {
        String slug = workload.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "answer-" + (slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug);
    }
}
