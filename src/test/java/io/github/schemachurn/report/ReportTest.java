package io.github.schemachurn.report;

import io.github.schemachurn.cli.Report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a fixture run: what it writes, and the one-line errors. */
class ReportTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Report.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private int generate(String... results) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--out", dir.resolve("benchmarks.md").toString(),
                "--charts", dir.resolve("charts").toString(), "--tables", dir.resolve("tables.md").toString(), "--results"));
        args.addAll(List.of(results));
        return run(args.toArray(String[]::new));
    }

    private String oneLineError(int exitCode) {
        assertThat(exitCode).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("report: ").doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("benchmarks.md")).doesNotExist();
        return lines.get(0);
    }

    @Test
    void theReadmesResultsJsonRendersWithTheAnswerOnTheFirstScreen() throws IOException {
        Path results = Fixtures.write(dir.resolve("results.json"), RunFixture.results());
        assertThat(generate(results.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("benchmarks.md"));
        String firstScreen = String.join("\n", lines.subList(0, Math.min(40, lines.size())));
        assertThat(firstScreen).contains("## Answer", "1. **Code 17 on the seed's site:** not measured in this run",
                "No realistic-regime comparison in this run", "### Stress: where it breaks", "| DELETE: how to wrap DDL | failed: ");
        String report = String.join("\n", lines);
        assertThat(report).contains("**The seed's claim**", "- prepare=LEGACY: SCHEMA in 1 of 1", "EXCLUSIVE made most operations fail in 1 of",
                "**Stress regimes.**");
        // In DELETE mode EXCLUSIVE's 98 % failures rule it out; AUTOCOMMIT and DEFERRED are within noise in
        // successful reads (p = 0.062), and DEFERRED fails significantly less: it is the one to use. In WAL,
        // AUTOCOMMIT wins 1 of 2 comparisons: half is not "consistently".
        assertThat(report).contains("**DELETE: how to wrap DDL** (busy timeout not recorded; unpaced, 1,000 DDL/s): **ddl=DEFERRED**",
                "**WAL: how to wrap DDL** (busy timeout not recorded; unpaced, 1,000–15,000 DDL/s): no `ddl` wins consistently");
        assertThat(report).contains("3.80 µs per extra table", "### SchemaSizeBenchmark", "SCHEMA first appears at extraTables=2,000",
                "| crashCorruptions | crashKills |", "| **total** | **0** | **20** |");
        assertThat(Files.readString(dir.resolve("tables.md"))).contains("# Every counter of the run", "crashKills");
        for (String chart : List.of("threshold.png", "ChurnBenchmark-ddl-1.png", "answer-stress-delete-how-to-wrap-ddl-1.png")) {
            BufferedImage image = ImageIO.read(dir.resolve("charts").resolve(chart).toFile());
            assertThat(image.getWidth()).isGreaterThan(500);
        }
    }

    /**
     * Without --charts and --tables they go beside the results reported: a report of another run
     * (`--results results/replicate`, a user's results.json) never overwrites the published run's
     * results/charts and results/tables.md.
     */
    @Test
    void reportChartsAndTablesGoBesideTheResultsByDefault() throws IOException {
        Path runDir = Files.createDirectories(dir.resolve("my-run"));
        Fixtures.write(runDir.resolve("results.json"), RunFixture.results());
        assertThat(run("generate", "--results", runDir.toString(), "--out", dir.resolve("my.md").toString())).as(err.toString()).isZero();
        assertThat(runDir.resolve("tables.md")).exists();
        assertThat(runDir.resolve("charts").resolve("threshold.png")).exists();

        Path file = Fixtures.write(dir.resolve("other").resolve("results.json"), RunFixture.results());
        assertThat(run("generate", "--results", file.toString())).as(err.toString()).isZero();
        assertThat(file.resolveSibling("tables.md")).exists();
        assertThat(file.resolveSibling("charts").resolve("threshold.png")).exists();
        assertThat(file.resolveSibling("report.md")).as("without --out the report goes beside the results too, not over benchmarks.md")
                .content().contains("## Replicate");
    }

    /** The published run once kept ReaderThreadsBenchmark's charts after the class had gone. */
    @Test
    void chartsOfABenchmarkNoLongerInTheResultsAreRemovedOtherFilesStay() throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        Files.write(charts.resolve("GoneBenchmark-rates.png"), new byte[] {1});
        Files.write(charts.resolve("photo.png"), new byte[] {1});
        Path results = Fixtures.write(dir.resolve("results.json"), RunFixture.results());
        assertThat(generate(results.toString())).as(err.toString()).isZero();
        assertThat(charts.resolve("GoneBenchmark-rates.png")).doesNotExist();
        assertThat(charts.resolve("photo.png")).exists();
        assertThat(charts.resolve("ChurnBenchmark-ddl-1.png")).exists();
    }

    @Test
    void resultsAreRecognisedByContentWhateverTheFileNames() throws IOException {
        List<ObjectNode> all = RunFixture.results();
        Fixtures.write(dir.resolve("one.json"), all);
        Fixtures.write(dir.resolve("split/x.json"), all.subList(0, 5));
        Fixtures.write(dir.resolve("split/deeper/y.json"), all.subList(5, all.size()));
        List<Result> whole = JmhJson.read(List.of(dir.resolve("one.json")), "environment.json");
        List<Result> split = JmhJson.read(List.of(dir.resolve("split")), "environment.json");
        assertThat(split).extracting(Result::key).containsExactlyInAnyOrderElementsOf(whole.stream().map(Result::key).toList());
        // The same configuration in two files: pooled as more forks.
        List<Result> twice = JmhJson.read(List.of(dir.resolve("one.json"), dir.resolve("split/x.json")), "environment.json");
        assertThat(twice).hasSameSizeAs(whole);
        assertThat(forks(twice.get(0))).isEqualTo(2 * forks(whole.get(0)));
    }

    private static int forks(Result r) {
        return r.metrics().get(r.method()).forks().size();
    }

    @Test
    void resultsAtAnotherThreadCountAreAnotherConfigurationNotMoreForks() throws IOException {
        // ChurnBenchmark run once as it is and once with -tg 1,3: same class, method and params.
        ObjectNode oneReader = RunFixture.results().get(0);
        ObjectNode threeReaders = oneReader.deepCopy().put("threads", 4);
        threeReaders.get("secondaryMetrics").get("opThreads").get("rawData")
                .forEach(fork -> ((ArrayNode) fork).removeAll().add(3.0).add(3.0));
        Fixtures.write(dir.resolve("one.json"), List.of(oneReader));
        Fixtures.write(dir.resolve("three.json"), List.of(threeReaders));
        List<Result> results = JmhJson.read(List.of(dir), "environment.json");
        assertThat(results).hasSize(2);
        assertThat(results).extracting(r -> r.params().get(JmhJson.THREADS)).containsExactly("1 op + 1 ddl", "3 op + 1 ddl");
        assertThat(forks(results.get(0))).isEqualTo(forks(results.get(1)));
        assertThat(StudiesSection.labels(results))
                .allSatisfy(label -> assertThat(label).contains("threads="));
    }

    @Test
    void theChurnerAloneAndTheReaderAloneAreTwoConfigurationsThoughJmhCountsOneThreadEach() throws IOException {
        // SchemaSizeBenchmark's group run with -tg 1,0 and with -tg 0,1: one JMH thread each, one role each.
        Map<String, String> params = Map.of("ddl", "EXCLUSIVE", "extraTables", "500", "journal", "WAL");
        ObjectNode churnerAlone = new Fixtures.Bench("SchemaSizeBenchmark", "churn", 1, params)
                .role(CounterNames.DDL, "churner", 15_000, ErrorClass.BUSY, 0).node.put("threads", 1);
        ObjectNode readerAlone = new Fixtures.Bench("SchemaSizeBenchmark", "churn", 1, params)
                .role(CounterNames.OPERATION, "reader", 300_000, ErrorClass.SCHEMA, 0).node.put("threads", 1);
        Fixtures.write(dir.resolve("solo.json"), List.of(churnerAlone, readerAlone));
        List<Result> results = JmhJson.read(List.of(dir), "environment.json");
        assertThat(results).extracting(r -> r.params().get(JmhJson.THREADS)).containsExactly("1 ddl", "1 op");
        assertThat(results).noneMatch(Result::churn);
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString()).contains("--results=PATH", "--out=FILE", "--charts=DIR", "--tables=FILE");
        assertThat(run("capture-env", "--help")).isZero();
        assertThat(out.toString()).contains("--duration=TEXT", "--extra=KEY=VALUE");
    }

    @Test
    void missingFile() {
        assertThat(oneLineError(generate(dir.resolve("nope.json").toString()))).contains("nope.json: no such file");
    }

    @Test
    void notJson() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{not json");
        assertThat(oneLineError(generate(dir.resolve("bad.json").toString()))).contains("bad.json: not valid JSON at line 1");
    }

    @Test
    void notJmhsShape() throws IOException {
        Files.writeString(dir.resolve("obj.json"), "{\"a\": 1}");
        assertThat(oneLineError(generate(dir.resolve("obj.json").toString()))).contains("not a JMH results file");
        err.getBuffer().setLength(0);
        Files.writeString(dir.resolve("arr.json"), "[{\"benchmark\": \"" + JmhJson.SUITE_PACKAGE + "X.y\"}]");
        assertThat(oneLineError(generate(dir.resolve("arr.json").toString()))).contains("result 1 is not in JMH's result shape");
    }

    @Test
    void anotherSuitesResults() throws IOException {
        ObjectNode foreign = RunFixture.results().get(0);
        foreign.put("benchmark", "org.example.Other.run");
        Fixtures.write(dir.resolve("foreign.json"), List.of(foreign));
        assertThat(oneLineError(generate(dir.resolve("foreign.json").toString()))).contains("not a result of this suite");
    }

    @Test
    void resultsFromBeforeMeasuredWindowCounting() throws IOException {
        ObjectNode old = RunFixture.results().get(0);
        ((ObjectNode) old.get("secondaryMetrics")).remove("opWindowMicros");
        Fixtures.write(dir.resolve("old.json"), List.of(old));
        assertThat(oneLineError(generate(dir.resolve("old.json").toString()))).contains("has no counter opWindowMicros");
    }

    @Test
    void theEnvironmentRecordsCommandDurationAndExtras() throws IOException {
        Path env = dir.resolve("env/environment.json");
        assertThat(run("capture-env", "--out", env.toString(), "--command", "results/run.sh", "--duration", "47 min",
                "--extra", Environment.MAX_SCHEMA_RETRY + "=25", "--extra", "system SQLite=3.40.1")).as(err.toString()).isZero();
        Path results = Fixtures.write(dir.resolve("env/results.json"), RunFixture.results());
        assertThat(generate(dir.resolve("env").toString())).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("benchmarks.md"))).contains("| Duration | 47 min |",
                "| " + Environment.MAX_SCHEMA_RETRY + " | 25 |", "| system SQLite | 3.40.1 |", "| Command | `results/run.sh` |",
                "| Machine speed | 12.0 ± ", " to prepare the point query (SchemaReloadBenchmark.freshPrepare, extraTables=0)");
        assertThat(results).exists();
    }

    /**
     * A results directory with a captured environment file, edited by {@code edit}: the directory,
     * which {@code generate} reads with its environment.
     */
    private Path resultsWithEnvironment(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path env = dir.resolve("env/environment.json");
        assertThat(run("capture-env", "--out", env.toString(), "--command", "results/run.sh")).as(err.toString()).isZero();
        Fixtures.write(dir.resolve("env/results.json"), RunFixture.results());
        Files.writeString(env, edit.apply(Files.readString(env)));
        return env.getParent();
    }

    @Test
    void aBrokenEnvironmentFileIsOneLineNamingTheField() throws IOException {
        Path results = resultsWithEnvironment(env -> env.replaceFirst("\"cores\" : \\d+", "\"cores\" : \"many\""));
        assertThat(oneLineError(generate(results.toString())))
                .contains("environment.json: not an environment file ('cores' is missing or not a valid value)");
    }

    /** The hand-written reader refused these; the binding reads a JSON null as a null, so they are checked. */
    @Test
    void aNullOrAMalformedHistogramBinIsNotJmhsShape() throws IOException {
        ObjectNode withNull = RunFixture.results().get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) withNull.get("primaryMetric").get("rawData").get(0)).addNull();
        Fixtures.write(dir.resolve("null.json"), List.of(withNull));
        assertThat(oneLineError(generate(dir.resolve("null.json").toString())))
                .contains("result 1 is not in JMH's result shape: 'primaryMetric.rawData' holds something that is not a number");
        err.getBuffer().setLength(0);
        ObjectNode sample = Fixtures.JSON.createObjectNode();
        sample.setAll(RunFixture.results().get(0));
        ObjectNode metric = (ObjectNode) sample.get("primaryMetric");
        metric.remove("rawData");
        metric.set("rawDataHistogram", Fixtures.JSON.readTree("[[[[12.5, 3], [40.0]]]]"));
        Fixtures.write(dir.resolve("bin.json"), List.of(sample));
        assertThat(oneLineError(generate(dir.resolve("bin.json").toString())))
                .contains("'primaryMetric.rawDataHistogram' holds a bin that is not a [value, count] pair");
    }

    /** Environment files from before the smoke flag have none: not a smoke run. */
    @Test
    void anEnvironmentWithoutTheSmokeFlagIsNotASmokeRun() throws IOException {
        Path results = resultsWithEnvironment(env -> env.replaceFirst("\\s*\"smoke\" : false,", ""));
        assertThat(Files.readString(results.resolve("environment.json"))).doesNotContain("smoke");
        assertThat(generate(results.toString())).as(err.toString()).isZero();
    }
}
