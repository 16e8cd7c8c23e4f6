package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.workload.RoleCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One subsection per benchmark class in the run, whatever files its results came from: a finding
 * computed from the data, the charts that matter (outcome shares stacked, successful operations per
 * fork on a log axis), and a short headline table; the full counters are in the companion tables file.
 * Rows are labelled by the params that vary, so a new param or benchmark needs no code here.
 */
final class StudiesSection {
    private StudiesSection() {}

    static Map<String, List<Result>> byClass(List<Result> configs) {
        Map<String, List<Result>> classes = new LinkedHashMap<>();
        configs.forEach(c -> classes.computeIfAbsent(c.benchmarkClass(), k -> new ArrayList<>()).add(c));
        return classes;
    }

    /** The labels of configurations: the method when a class has several, then the params that vary. */
    static List<String> labels(List<Result> configs) {
        List<String> varied = Result.varied(configs);
        boolean methods = configs.stream().map(Result::method).distinct().count() > 1;
        return configs.stream().map(c -> ((methods ? c.method() + " " : "") + c.label(varied)).trim())
                .map(l -> l.isEmpty() ? "all" : l).toList();
    }

    static void render(Run run, Md md, String tablesLink) {
        md.section("Studies: findings, then evidence", s -> {
            s.para("One subsection per benchmark class; rows are the configurations, labelled by the params that vary. "
                    + "Rates are successful operations per second of measured time (each fork's total over its measured "
                    + "windows; the headline is the mean of the forks, ± a 95 % interval). Every counter of every "
                    + "configuration is in [the tables file](" + tablesLink + "). `threads` counts each role's threads "
                    + "(set with JMH's `-tg`; `op` the measured operation, `ddl` the schema changer, in JMH's threads, a "
                    + "background thread or another process; where one is missing, the other ran alone); where threads exceed the machine's "
                    + "cores, rates mix contention for SQLite with contention for the CPU. Latency is of successful operations "
                    + "only, from each attempt's start to its outcome (retries included), in the measured window (a thread "
                    + "running over " + Fmt.count(2 * RoleCount.TIMED_PER_SECOND) + " operations per second times a random "
                    + "sample of about " + Fmt.count(RoleCount.TIMED_PER_SECOND) + " per second): per "
                    + "fork the median over iterations of the threads' mean percentile, then the median over forks "
                    + "(– where it was not recorded: results from before the latency counters, a churner in another process).");
            byClass(run.configs).forEach((name, configs) -> s.section(name, sub -> study(run, sub, name, configs)));
        });
    }

    private static void study(Run run, Md md, String name, List<Result> configs) {
        List<String> labels = labels(configs);
        md.para(finding(configs, labels));
        ComparisonCharts.study(run, name, configs).forEach(md::para);
        Md.Table table = new Md.Table("configuration", "ok/s", "failed", "main failure", "DDL ok/s", "CPU/window",
                "ok p50 / p99 / p99.9 (µs)", "forks");
        for (int i = 0; i < configs.size(); i++) {
            table = table.with(headline(configs.get(i), labels.get(i)));
        }
        md.table(table);
    }

    private static List<String> headline(Result c, String label) {
        Optional<Role> role = c.op().or(c::ddl);
        if (role.isEmpty()) {
            Result.Metric m = c.metrics().get(c.method());
            Estimate e = Estimate.of(m);
            String p = !c.mode().equals("sample") || !m.percentiles().containsKey("99.0") ? ""
                    : " (p50 " + Fmt.num(m.percentiles().get("50.0")) + ", p99 " + Fmt.num(m.percentiles().get("99.0")) + ")";
            return List.of(label, e.text() + " " + m.unit() + p, "–", "–", "–", "–", "–", flag(e));
        }
        Role r = role.get();
        Estimate rate = r.rate();
        String main = r.mainFailure().map(e -> e.counterSuffix() + " " + r.share(e).percent()).orElse("–");
        String ddl = c.ddl().filter(d -> !d.equals(r)).map(d -> d.rate().text()).orElse("–");
        return List.of(label, (r.equals(c.ddl().orElse(null)) ? "DDL " : "") + rate.text(), r.failedShare().percent(), main, ddl,
                Fmt.num(r.cpuShare()), okLatency(r), flag(rate));
    }

    /** The role's successful-operation latency, median over forks of each fork's median over iterations; "–" where not recorded. */
    static String okLatency(Role r) {
        List<Optional<Double>> values = List.of(r.latency(CounterNames.OK_P50_MICROS), r.latency(CounterNames.OK_P99_MICROS),
                r.latency(CounterNames.OK_P999_MICROS));
        if (values.stream().anyMatch(Optional::isEmpty)) {
            return "–";
        }
        return String.join(" / ", values.stream().map(v -> Fmt.num(v.get())).toList());
    }

    private static String flag(Estimate e) {
        return e.forks().size() + (e.forksDisagree() ? " ⚠ disagree" : "");
    }

    /** One or two sentences from the numbers: the range of successful rates, where failures were and of what class, thresholds. */
    static String finding(List<Result> configs, List<String> labels) {
        List<Result> withOp = configs.stream().filter(c -> c.op().isPresent()).toList();
        if (withOp.isEmpty()) {
            return configs.size() + " configuration(s), timings only (see the table).";
        }
        Comparator<Result> byRate = Comparator.comparingDouble(c -> c.op().get().rate().value());
        Result low = withOp.stream().min(byRate).orElseThrow();
        Result high = withOp.stream().max(byRate).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append(configs.size()).append(" configuration(s): successful operations from ")
                .append(low.op().get().rate().text()).append("/s (").append(labels.get(configs.indexOf(low))).append(") to ")
                .append(high.op().get().rate().text()).append("/s (").append(labels.get(configs.indexOf(high))).append("). ");
        List<Result> failing = withOp.stream().filter(c -> c.op().get().failedShare().value() > 0).toList();
        if (failing.isEmpty()) {
            text.append("No operation failed.");
        } else {
            Result worst = failing.stream().max(Comparator.comparingDouble(c -> c.op().get().failedShare().value())).orElseThrow();
            Role w = worst.op().get();
            text.append("Operations failed in ").append(failing.size()).append(" of ").append(withOp.size())
                    .append(", worst ").append(w.failedShare().percent()).append(" at ").append(labels.get(configs.indexOf(worst)))
                    .append(w.mainFailure().map(e -> ", mostly " + e.counterSuffix()).orElse("")).append('.');
        }
        // A threshold only along a numeric param measured below it too: "first appears at busyTimeout=0",
        // the smallest value, would say nothing.
        for (String param : Result.varied(configs)) {
            if (configs.stream().allMatch(c -> c.param(param) == null || c.param(param).matches("-?\\d+(\\.\\d+)?"))) {
                double smallest = withOp.stream().filter(c -> c.param(param) != null)
                        .mapToDouble(c -> Double.parseDouble(c.param(param))).min().orElse(Double.NaN);
                withOp.stream().filter(c -> c.param(param) != null && c.op().get().failures(ErrorClass.SCHEMA) > 0)
                        .map(c -> Double.parseDouble(c.param(param))).min(Double::compare).filter(v -> v > smallest)
                        .ifPresent(v -> text.append(" SCHEMA first appears at ").append(param).append('=').append(Fmt.num(v))
                                .append(" (none at smaller values)."));
            }
        }
        return text.toString();
    }
}
