package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The generated part of benchmarks.md and its charts, from the environment and the results rows.
 * Everything here is computed from them; the same inputs give the same bytes.
 */
final class MarkdownReport {
    /** JMH error within this fraction of the score makes a baseline row publishable. */
    static final double BASELINE_ERROR = 0.10;

    private final Environment environment;
    private final List<BenchmarkRow> rows;
    /** Where the markdown links charts: a path relative to the markdown file, ending in "/". */
    private final String chartLinkPrefix;
    private final Map<String, byte[]> charts = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();
    private String studies = "";

    /** The report: markdown text and chart PNGs by file name. */
    record Output(String markdown, Map<String, byte[]> charts) {}

    private MarkdownReport(Environment environment, List<BenchmarkRow> rows, String chartLinkPrefix) {
        this.environment = environment;
        this.rows = rows;
        this.chartLinkPrefix = chartLinkPrefix;
    }

    static Output render(Environment environment, List<BenchmarkRow> rows, String chartLinkPrefix) {
        return render(environment, rows, chartLinkPrefix, "");
    }

    /** @param studies markdown of the studies ({@link StudiesSection}), placed before the threats to validity */
    static Output render(Environment environment, List<BenchmarkRow> rows, String chartLinkPrefix, String studies) {
        MarkdownReport report = new MarkdownReport(environment, rows, chartLinkPrefix);
        report.studies = studies;
        report.write();
        return new Output(report.out.toString(), Map.copyOf(report.charts));
    }

    private void write() {
        if (environment.smoke()) {
            line("> **Placeholder: these numbers come from a tiny smoke run (`" + environment.command()
                    + "`) that only checks the tooling. They mean nothing; the published run replaces them.**");
            line("");
        }
        environmentSection();
        recommendationSection();
        ceilingSection();
        churnSection(Question.DDL, "2. Churn by DDL strategy",
                "The churner wraps each CREATE/DROP TABLE in one DDL strategy; the reader runs the cached point query and fails fast (no retry, busy_timeout 0). This is the seed's situation.");
        journalSection();
        churnSection(Question.READER, "4. By reader strategy",
                "How the reader prepares and runs its query (cached statement, prepare per call as the seed's PHP pages did, inside a read transaction, or under an application read lock that the APP_LOCK churner writes).");
        churnSection(Question.RETRY, "5. By retry policy",
                "What the reader does when a read fails: nothing, SQLite's busy handler (busy_timeout), exponential backoff, or re-prepare once. Rates come from JMH's measured time, so a long busy wait that stretched an iteration does not inflate them.");
        churnSection(Question.WRITES, "6. Writes under churn",
                "A writer runs a prepared INSERT while the churner changes the schema. Writers and the churner compete for SQLite's single write lock, so BUSY is expected in every journal mode. Every acknowledged insert was checked to be in the database at the end of each trial.");
        latencySection();
        out.append(studies);
        threatsSection();
    }

    // ---------------------------------------------------------------- environment

    private void environmentSection() {
        line("## Environment");
        line("");
        RunSettings jmh = rows.get(0).settings();
        line("| | |");
        line("|---|---|");
        line("| CPU | " + cell(environment.cpuModel()) + ", " + environment.cores() + " cores available to the JVM |");
        line("| OS | " + cell(environment.os()) + " |");
        line("| JDK | " + cell(environment.javaVendor() + " " + environment.javaVersion()) + " (JMH: " + cell(jmh.vmName()
                + " " + jmh.vmVersion() + ", JDK " + jmh.jdkVersion()) + ") |");
        line("| JMH | " + cell(jmh.jmhVersion()) + " |");
        line("| sqlite-jdbc / SQLite | " + cell(environment.sqliteJdbcVersion()) + " / " + cell(environment.sqliteVersion()) + " |");
        line("| Date | " + cell(environment.date()) + " |");
        line("| Command | `" + cell(environment.command()) + "` |");
        line("");
        if (!environment.jmhCommands().isEmpty()) {
            line("The JMH invocations of that run, one per results file:");
            line("");
            line("```");
            environment.jmhCommands().forEach(this::line);
            line("```");
            line("");
        }
        line("| results file | benchmark | configurations | forks x (warmup + measurement) |");
        line("|---|---|---|---|");
        Map<String, List<BenchmarkRow>> bySource = new LinkedHashMap<>();
        rows.forEach(r -> bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r));
        bySource.forEach((source, fileRows) -> line("| " + cell(source) + " | " + fileRows.get(0).benchmarkClass() + " | "
                + fileRows.size() + " | " + fileRows.stream().map(r -> r.settings().describe()).distinct()
                .collect(Collectors.joining("; ")) + " |"));
        line("");
    }

    // ---------------------------------------------------------------- recommendation

    private void recommendationSection() {
        line("## Recommendation");
        line("");
        line("Derived by the report generator from the numbers below; \"failed\" counts every attempt that ended in an error, by SQLite's result code.");
        line("");
        Recommender.Verdict verdict = Recommender.verdict(rows);
        line("**The seed's claim, \"BEGIN EXCLUSIVE around DDL fixes `database schema has changed`\":** " + verdict.headline());
        line("");
        verdict.findings().forEach(f -> line("- " + f));
        line("");
        List<Recommender.Advice> advice = Recommender.advice(rows);
        if (advice.isEmpty()) {
            line("No recommendation: the run has no churn rows in throughput mode.");
        } else {
            line("| If your workload is | use | because |");
            line("|---|---|---|");
            advice.forEach(a -> line("| " + cell(a.workload()) + " | **" + cell(a.use()) + "** | " + cell(a.because()) + " |"));
        }
        line("");
        List<BenchmarkRow> ddl = Rows.of(rows, Question.DDL);
        if (!ddl.isEmpty()) {
            line("### Ranking of DDL strategies by successful reads per second");
            line("");
            line("| journal | rank | DDL strategy | successful reads/s | reads failed | churner DDL/s | |");
            line("|---|---|---|---|---|---|---|");
            for (String journal : Rows.journals(ddl)) {
                for (Recommender.Place place : Recommender.ranking(Recommender.candidates(Rows.inJournal(ddl, journal), Recommender.READER))) {
                    Recommender.Candidate c = place.candidate();
                    line("| " + journal + " | " + place.rank() + " | " + c.label() + " | " + Fmt.estimate(c.main().okPerSecond())
                            + " | " + Fmt.pct(c.main().failedPercent()) + " | " + Fmt.value(c.churner().okPerSecond()) + " | "
                            + (place.tiesWithFirst() ? "within error of rank 1" : "") + " |");
                }
            }
            line("");
        }
    }

    // ---------------------------------------------------------------- ceiling

    private void ceilingSection() {
        List<BenchmarkRow> ceiling = Rows.of(rows, Question.CEILING);
        line("## 1. Ceiling: the point query without churn");
        line("");
        if (ceiling.isEmpty()) {
            notMeasured(Question.CEILING);
            return;
        }
        line("No churner. `bare*` is plain JDBC, `layered*` the same query through this suite's reader, operation runner and counters; cached statement against prepare per call. " + variedLine(ceiling));
        line("");
        chart("ceiling", "Ceiling: point queries per second, no churn", ceiling, r -> r.roles().values().iterator().next().forkMeans(), "ops/s (one dot per fork)");
        line("| journal | " + Rows.header(ceiling) + " | ops/s ± error | error | forks (ops/s) | vs bareCached | |");
        line("|---|---|---|---|---|---|---|");
        for (BenchmarkRow row : ceiling) {
            Estimate e = Estimate.of(row.roles().values().iterator().next());
            Optional<BenchmarkRow> bare = ceiling.stream()
                    .filter(r -> r.method().equals("bareCached") && r.param(Rows.JOURNAL).equals(row.param(Rows.JOURNAL)))
                    .findFirst();
            String versus = row.method().equals("bareCached") ? "baseline" : bare.map(b -> Fmt.change(Estimate.of(b.roles().values().iterator().next()).value(), e.value())).orElse("n/a");
            line("| " + row.param(Rows.JOURNAL) + " | " + Rows.label(row, ceiling) + " | " + Fmt.estimate(e) + " | "
                    + errorPercent(e) + " | " + Fmt.forks(e.forks()) + " | " + versus + " | " + flag(e.forksDisagree()) + " |");
        }
        line("");
    }

    // ---------------------------------------------------------------- churn tables

    private void churnSection(Question question, String title, String what) {
        List<BenchmarkRow> selected = Rows.of(rows, question);
        line("## " + title);
        line("");
        if (selected.isEmpty()) {
            notMeasured(question);
            return;
        }
        boolean writes = question == Question.WRITES;
        String role = writes ? Recommender.WRITER : Recommender.READER;
        String ops = writes ? "inserts" : "reads";
        line(what + " " + variedLine(selected));
        line("");
        List<Recommender.Candidate> candidates = Recommender.candidates(selected, role);
        chart(question.key(), title.substring(title.indexOf(' ') + 1) + ": successful " + ops + " per second", selected,
                r -> candidateFor(candidates, r).main().okPerSecond().forks(), "successful " + ops + "/s (one dot per fork)");
        line("| journal | " + Rows.header(selected) + " | " + role + " attempts/s ± error | successful " + ops
                + "/s | " + ops + " failed: % of attempts, then per class rate/s (%) | retries per attempt | churner DDL/s | churner DDL failed | forks: " + role
                + " attempts/s; " + ops + " failed; DDL/s | |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (Recommender.Candidate c : candidates) {
            RoleStats main = c.main();
            RoleStats churner = c.churner();
            line("| " + c.journal() + " | " + c.label() + " | " + Fmt.estimate(main.attemptsPerSecond()) + " | "
                    + Fmt.value(main.okPerSecond()) + " | " + failures(main) + " | " + Fmt.num(main.retriesPerAttempt()) + " | "
                    + Fmt.value(churner.okPerSecond()) + " | " + failures(churner) + " | "
                    + Fmt.forks(main.attemptsPerSecond().forks()) + "; " + Fmt.forkPercents(main.forkFailedPercents()) + "; "
                    + Fmt.forks(churner.okPerSecond().forks()) + " | "
                    + flag(main.attemptsPerSecond().forksDisagree() || churner.attemptsPerSecond().forksDisagree()) + " |");
        }
        line("");
    }

    private static Recommender.Candidate candidateFor(List<Recommender.Candidate> candidates, BenchmarkRow row) {
        return candidates.stream().filter(c -> c.row() == row).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- journal mode

    private void journalSection() {
        List<BenchmarkRow> ddl = Rows.of(rows, Question.DDL);
        line("## 3. By journal mode");
        line("");
        List<String> journals = Rows.journals(ddl);
        if (journals.size() < 2) {
            line("Not measured: the DDL results (ddl*.json) cover " + (journals.isEmpty() ? "no journal mode" : "only " + journals.get(0))
                    + ". " + regenerateHint());
            line("");
            return;
        }
        line("The rows of section 2 side by side per journal mode. In WAL mode a DDL commit never blocks readers; in a rollback journal (DELETE) it needs an EXCLUSIVE lock while readers hold SHARED ones.");
        line("");
        List<Recommender.Candidate> candidates = Recommender.candidates(ddl, Recommender.READER);
        chart("journal", "Churner DDL statements per second by journal mode", ddl,
                r -> candidateFor(candidates, r).churner().okPerSecond().forks(), "DDL/s (one dot per fork)");
        StringBuilder header = new StringBuilder("| DDL strategy |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String metric : List.of("successful reads/s", "reads failed", "DDL/s")) {
            for (String journal : journals) {
                header.append(' ').append(metric).append(", ").append(journal).append(" |");
                rule.append("---|");
            }
        }
        line(header.toString());
        line(rule.toString());
        for (String label : Rows.labels(ddl)) {
            StringBuilder row = new StringBuilder("| " + label + " |");
            List<Function<Recommender.Candidate, String>> cells = List.of(
                    c -> Fmt.value(c.main().okPerSecond()), c -> Fmt.pct(c.main().failedPercent()), c -> Fmt.value(c.churner().okPerSecond()));
            for (Function<Recommender.Candidate, String> cellOf : cells) {
                for (String journal : journals) {
                    Optional<Recommender.Candidate> c = candidates.stream()
                            .filter(x -> x.label().equals(label) && x.journal().equals(journal)).findFirst();
                    row.append(' ').append(c.map(cellOf).orElse("not run")).append(" |");
                }
            }
            line(row.toString());
        }
        line("");
    }

    // ---------------------------------------------------------------- latency

    private void latencySection() {
        List<BenchmarkRow> latency = Rows.of(rows, Question.LATENCY);
        line("## 7. Latency under churn");
        line("");
        if (latency.isEmpty()) {
            notMeasured(Question.LATENCY);
            return;
        }
        line("The workload of section 2 in JMH's sample-time mode: how long one read takes, failed reads included (a fast failure looks like a fast read, so the failure share is beside it). " + variedLine(latency));
        line("");
        chart("latency", "Latency: mean time of one read (us), per fork", latency,
                r -> r.role(Recommender.READER).map(Metric::forkMeans).orElse(List.of()), "us/op (one dot per fork)");
        line("| journal | " + Rows.header(latency) + " | reader p50 | p99 | p99.9 (us) | forks: mean us/op | reads failed | churner p50 / p99 (us) | churner DDL failed | |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (BenchmarkRow row : latency) {
            Optional<Metric> reader = row.role(Recommender.READER);
            Optional<Metric> churner = row.role(Recommender.CHURNER);
            String p = reader.map(m -> pct(m.percentiles(), "50.0") + " | " + pct(m.percentiles(), "99.0") + " | " + pct(m.percentiles(), "99.9"))
                    .orElse("n/a | n/a | n/a");
            String forks = reader.map(m -> Fmt.forks(m.forkMeans())).orElse("n/a");
            String churn = churner.map(m -> pct(m.percentiles(), "50.0") + " / " + pct(m.percentiles(), "99.0")).orElse("n/a");
            boolean disagree = reader.map(Metric::forksDisagree).orElse(false) || churner.map(Metric::forksDisagree).orElse(false);
            line("| " + row.param(Rows.JOURNAL) + " | " + Rows.label(row, latency) + " | " + p + " | " + forks + " | "
                    + row.total(BenchmarkRow.OPERATIONS).map(MarkdownReport::failedShare).orElse("n/a") + " | " + churn + " | "
                    + row.total(BenchmarkRow.DDL).map(MarkdownReport::failedShare).orElse("n/a") + " | " + flag(disagree) + " |");
        }
        line("");
    }

    private static String pct(SortedMap<String, Double> percentiles, String key) {
        return Fmt.num(percentiles.getOrDefault(key, Double.NaN));
    }

    private static String failedShare(Counters c) {
        return Fmt.pct(100 * c.shareOf(c.failed()));
    }

    // ---------------------------------------------------------------- threats

    private void threatsSection() {
        line("## Threats to validity");
        line("");
        long disagreeing = rows.stream().filter(r -> r.roles().values().stream().anyMatch(Metric::forksDisagree)).count();
        line("- Machine: " + environment.cores() + " cores (" + cell(environment.cpuModel()) + "). A reader and a churner either share a core or run on two; a fork lands in either regime, and the results of the two differ by orders of magnitude. "
                + disagreeing + " of " + rows.size() + " rows have forks that disagree beyond their error bars (⚠): read their fork values, not one number.");
        List<String> wide = new ArrayList<>();
        for (BenchmarkRow row : rows) {
            if (row.question() == Question.CEILING || row.question() == Question.DDL) {
                for (Map.Entry<String, Metric> role : row.roles().entrySet()) {
                    Estimate e = Estimate.of(role.getValue());
                    if (!e.errorWithin(BASELINE_ERROR)) {
                        String label = Rows.label(row, Rows.of(rows, row.question()));
                        wide.add(row.param(Rows.JOURNAL) + " " + label + (label.equals(role.getKey()) ? "" : " " + role.getKey())
                                + " (" + errorPercent(e) + ")");
                    }
                }
            }
        }
        line("- Noise: baseline rows (ceiling, and both roles of the DDL rows) whose JMH error exceeds "
                + Math.round(BASELINE_ERROR * 100) + " % of the score: " + (wide.isEmpty() ? "none." : wide.size() + ": " + cell(String.join(", ", wide)) + "."));
        line("- What the numbers do not say: one reader and one churner per group on a small table; a real site has many readers, larger schemas (each re-prepare reloads the whole schema) and less frequent DDL. The churner here changes the schema as fast as it can, which is the worst case for readers, not a typical load.");
        line("- Error rates are exact counts of SQLite result codes; their per-second rates inherit the throughput's error bars.");
        line("");
    }

    // ---------------------------------------------------------------- helpers

    private void chart(String name, String title, List<BenchmarkRow> selected, Function<BenchmarkRow, List<Double>> forkValues, String yTitle) {
        List<String> labels = Rows.labels(selected);
        List<ChartWriter.Series> series = new ArrayList<>();
        for (String journal : Rows.journals(selected)) {
            List<List<Double>> values = new ArrayList<>();
            for (String label : labels) {
                values.add(selected.stream()
                        .filter(r -> r.param(Rows.JOURNAL).equals(journal) && Rows.label(r, selected).equals(label))
                        .findFirst().map(forkValues).orElse(List.of()));
            }
            series.add(new ChartWriter.Series(journal, values));
        }
        String file = name + ".png";
        charts.put(file, ChartWriter.png(new ChartWriter.Chart(title, Rows.header(selected), yTitle, labels, series)));
        line("![" + title + "](" + chartLinkPrefix + file + ")");
        line("");
    }

    private static String variedLine(List<BenchmarkRow> selected) {
        List<String> varied = new ArrayList<>();
        varied.add("journal (" + Rows.values(selected, Rows.JOURNAL) + ")");
        for (String name : Rows.varying(selected)) {
            varied.add(name + " (" + Rows.values(selected, name) + ")");
        }
        List<String> fixed = Rows.fixed(selected);
        String sources = selected.stream().map(BenchmarkRow::source).distinct().collect(Collectors.joining(", "));
        return "Varied: " + String.join(", ", varied) + ". Fixed: " + (fixed.isEmpty() ? "nothing else" : String.join(", ", fixed))
                + ". From " + sources + ".";
    }

    private static String failures(RoleStats stats) {
        if (stats.total().failed() == 0) {
            return "0 %";
        }
        List<String> parts = new ArrayList<>();
        for (Failure failure : Failure.values()) {
            if (stats.total().count(failure) > 0) {
                parts.add(failure.label() + " " + Fmt.value(stats.perSecond(failure)) + "/s (" + Fmt.pct(stats.percent(failure)) + ")");
            }
        }
        return Fmt.pct(stats.failedPercent()) + ": " + String.join(", ", parts);
    }

    private static String errorPercent(Estimate e) {
        return Double.isNaN(e.error()) || e.value() == 0 ? "n/a" : Fmt.pct(100 * Math.abs(e.error() / e.value()));
    }

    private static String flag(boolean forksDisagree) {
        return forksDisagree ? "⚠ forks disagree" : "";
    }

    private void notMeasured(Question question) {
        line("Not measured in this run (no " + question.key() + "*.json results). " + regenerateHint());
        line("");
    }

    private static String regenerateHint() {
        return "See results/run.sh for the invocation.";
    }

    /** Markdown table cells must not contain a pipe or a line break. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
