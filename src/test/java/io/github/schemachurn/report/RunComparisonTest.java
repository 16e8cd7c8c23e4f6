package io.github.schemachurn.report;

import io.github.schemachurn.cli.Report;
import static io.github.schemachurn.report.Fixtures.churn;
import static io.github.schemachurn.report.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.sqlite.ErrorClass;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report compare (two runs like benchstat) and the replicate section of the generated report. */
class RunComparisonTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Report.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path runDir(String name, List<ObjectNode> results) {
        Fixtures.write(dir.resolve(name).resolve("results.json"), results);
        return dir.resolve(name);
    }

    /** The fixture run with DELETE's EXCLUSIVE DDL suddenly clean and fastest: its row's verdict changes. */
    private static List<ObjectNode> changedRun() {
        List<ObjectNode> results = new ArrayList<>(RunFixture.results());
        results.set(5, churn(params("journal", "DELETE", "ddl", "EXCLUSIVE"), 90_000, ErrorClass.BUSY, 0, 1.0, 1.05, 0.95));
        return results;
    }

    @Test
    void theSameRunTwiceChangesNoVerdict() {
        Path base = runDir("base", RunFixture.results());
        Path again = runDir("again", RunFixture.results());
        assertThat(run("compare", "--base", base.toString(), "--results", again.toString())).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(lines.size() - 1)).matches("verdicts changed: 0 of [1-9][0-9]*");
        assertThat(out.toString()).contains("| configuration | unit |", "### ChurnBenchmark.churn", "| 1.00 |",
                "| if your workload is |", "| key figure |", RunComparison.SEED_FIGURE);
    }

    @Test
    void aChangedVerdictAndAChangedConfigurationAreCounted() throws IOException {
        Path base = runDir("base", RunFixture.results());
        Path changed = runDir("changed", changedRun());
        Path file = dir.resolve("compare.md");
        assertThat(run("compare", "--base", base.toString(), "--results", changed.toString(), "--out", file.toString())).isZero();
        String text = Files.readString(file);
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).matches("verdicts changed: [1-9][0-9]* of [1-9][0-9]*");
        assertThat(text).contains("| stress: DELETE: how to wrap DDL | **ddl=DEFERRED**; ",
                "| **ddl=EXCLUSIVE**; **avoid ddl=AUTOCOMMIT** (worst in 1 of 1 comparisons) | 1 / 1 | **yes**: ddl=DEFERRED → ddl=EXCLUSIVE |",
                "**yes** (p ", "avoid notes changed: ");
        assertThat(out.toString()).startsWith("wrote ");
    }

    /**
     * What a reader with one minute needs comes first: the runs' machines (a fact both share said once,
     * one that differs per run), the verdict count and the changed verdict, the key figures; the method
     * and every configuration below; no long cell on the first screen, no long paragraph near it.
     */
    @Test
    void theFirstScreenAnswers() throws IOException {
        Path base = runDir("base", RunFixture.results());
        Path changed = runDir("changed", changedRun());
        writeEnvironment(base, "3.54.1", "2026-12-05T10:00:00Z");
        writeEnvironment(changed, "3.55.0", "2026-12-06T10:00:00Z");
        assertThat(run("compare", "--base", base.toString(), "--results", changed.toString())).as(err.toString()).isZero();
        String text = out.toString();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("# " + changed + " against " + base);
        assertThat(text).contains("Both runs: CPU: AMD EPYC, 2 cores; ", "| run | SQLite | date |",
                "| " + base + " | 3.54.1 via sqlite-jdbc 3.54.1.0 | 2026-12-05T10:00:00Z |");
        assertThat(text.indexOf("verdicts changed: 1 of ")).isLessThan(text.indexOf("## Verdicts"));
        String firstScreen = text.substring(0, text.indexOf("## How a change is judged"));
        assertThat(firstScreen).contains("| stress: DELETE: how to wrap DDL |", "**yes**: ddl=DEFERRED → ddl=EXCLUSIVE", "| key figure |",
                "The machine as a whole").doesNotContain("| configuration |", "Welch");
        assertThat(text.indexOf("| configuration |")).isGreaterThan(text.indexOf("## How a change is judged"));
        for (String line : lines.subList(0, 40)) {
            if (line.startsWith("|")) {
                assertThat(line.split(" \\| ")).allSatisfy(cell -> assertThat(cell.length()).as(line).isLessThanOrEqualTo(RunComparison.CELL + 2));
            }
        }
        assertThat(lines.subList(0, 80)).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(600));
    }

    private static void writeEnvironment(Path run, String sqlite, String date) throws IOException {
        Environment e = new Environment("AMD EPYC", 2, "Linux", "Debian", "17", "3.54.1.0", sqlite, "results/run.sh", List.of(),
                "70 min", date, false, new java.util.TreeMap<>(java.util.Map.of("compile options", "X".repeat(200))));
        Files.writeString(run.resolve(ReportGenerator.ENVIRONMENT_FILE), e.toJson());
    }

    /**
     * A configuration is labelled within its benchmark by the params that differ there: one the benchmark
     * holds constant is said once above its table, one the benchmark lacks never shows as "–".
     */
    @Test
    void configurationsAreLabelledByTheParamsThatDifferWithinTheirBenchmark() {
        Path base = runDir("base", RunFixture.results());
        Path again = runDir("again", RunFixture.results());
        assertThat(run("compare", "--base", base.toString(), "--results", again.toString())).as(err.toString()).isZero();
        String every = out.toString().substring(out.toString().indexOf("## Every configuration"));
        String size = every.substring(every.indexOf("### SchemaSizeBenchmark.churn"), every.indexOf("###", every.indexOf("### SchemaSizeBenchmark.churn") + 3));
        assertThat(size).contains("In every row: journal=WAL", "| ddl=AUTOCOMMIT extraTables=2000 |").doesNotContain("journal=WAL extraTables", "| journal=");
        assertThat(every).contains("### LegacyPrepareBenchmark.read", "| prepare=LEGACY |", "| ddl=EXCLUSIVE journal=DELETE |")
                .doesNotContain("=–", "ddl=– ");
    }

    @Test
    void aLabelNamesOnlyTheParamsItsConfigurationHas() throws IOException {
        List<Result> configs = Fixtures.configs(RunFixture.results(), dir);
        Result legacy = configs.stream().filter(c -> c.benchmarkClass().equals("LegacyPrepareBenchmark")).findFirst().orElseThrow();
        Result churn = configs.stream().filter(c -> c.benchmarkClass().equals("ChurnBenchmark")).findFirst().orElseThrow();
        assertThat(RunComparison.label(legacy, List.of("ddl", "journal", "prepare"))).isEqualTo("prepare=" + legacy.param("prepare"));
        assertThat(RunComparison.label(churn, List.of("ddl", "prepare"))).isEqualTo("ddl=" + churn.param("ddl"));
        assertThat(RunComparison.label(churn, List.of())).isEqualTo("(the only one)");
    }

    @Test
    void aLongCellIsCutAtAWordWithItsBoldClosed() {
        String advice = "**reader=SNAPSHOT_LEASE** (the only option under which most operations surely succeed), at the cost of reads up to 50.0 ms stale";
        assertThat(RunComparison.fit(advice)).hasSizeLessThanOrEqualTo(RunComparison.CELL).endsWith("…").startsWith("**reader=SNAPSHOT_LEASE** (the only");
        assertThat(RunComparison.fit("**" + "a ".repeat(80) + "**")).endsWith("**…");
        assertThat(RunComparison.fit("short")).isEqualTo("short");
    }

    /** The fixture run with the legacy reader's SCHEMA share, over three forks, at the given shares. */
    /** The small run with the seed's site served by worker processes, fork f of its legacy pages failing with code 17 at {@code shares[f]}. */
    private static List<ObjectNode> withSiteShares(double... shares) {
        List<ObjectNode> results = new ArrayList<>(RunFixture.results());
        results.add(Fixtures.site(params("prepare", "LEGACY", "journal", "DELETE", "ddl", "AUTOCOMMIT", "busyTimeout", "60000",
                "registrationsPerSecond", "20", "existingUsers", "200"), 1000, 20, 2000, 400, 0.01, shares).node);
        return results;
    }

    /** A key figure's change is read against both runs' spread: a small move inside it is noise, a large one is not. */
    @Test
    void keyFigureChangesComeWithTheirInterval() {
        Path base = runDir("base", withSiteShares(0.05, 0.08, 0.11));
        Path near = runDir("near", withSiteShares(0.06, 0.09, 0.10));
        Path far = runDir("far", withSiteShares(0.30, 0.32, 0.34));
        assertThat(run("compare", "--base", base.toString(), "--results", near.toString())).as(err.toString()).isZero();
        String seed = "\\| " + java.util.regex.Pattern.quote(RunComparison.SEED_FIGURE);
        // the portable figure: 8 % of pages / 20 registrations/s / 0.4 thousand objects = 1 %
        assertThat(out.toString()).contains("| key figure | " + base + " | " + near + " | change | 95 % interval of the change | beyond noise |",
                "beyond both runs' noise")
                .containsPattern(seed + " \\| 1\\.0[0-9] % \\| 1\\.[0-9]+ % \\| \\+[0-9.]+ % \\| -[0-9.]+ % to \\+[0-9.]+ % \\| no \\(p = ")
                .containsPattern("The machine as a whole: the second run's ok/s over the first's is [0-9.]+ in the median configuration \\([0-9]+ of [0-9]+ configurations slower\\)");
        out.getBuffer().setLength(0);
        assertThat(run("compare", "--base", base.toString(), "--results", far.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern(seed + " \\| 1\\.0[0-9] % \\| 4\\.[0-9]+ % \\| \\+[0-9]+ % \\| \\+[0-9]+ % to \\+[0-9]+ % \\| \\*\\*yes\\*\\* \\(p [<=] ");
    }

    @Test
    void badInputIsOneLine() {
        Path base = runDir("base", RunFixture.results());
        assertThat(run("compare", "--base", base.toString(), "--results", dir.resolve("missing").toString())).isEqualTo(1);
        assertThat(err.toString().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("report: ")
                .contains("missing").doesNotContain("Exception"));
        StringWriter err2 = new StringWriter();
        assertThat(Report.run(new String[] {"compare", "--base", base.toString()}, new PrintWriter(out), new PrintWriter(err2))).isEqualTo(2);
        assertThat(err2.toString().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).contains("--results"));
    }

    @Test
    void theReportComparesWithAReplicateBesideItsResultsAndNeverPoolsIt() throws IOException {
        Path results = runDir("results", RunFixture.results());
        Path markdown = dir.resolve("benchmarks.md");
        String[] generate = {"generate", "--results", results.toString(), "--out", markdown.toString(),
                "--charts", dir.resolve("charts").toString(), "--tables", dir.resolve("tables.md").toString()};
        assertThat(run(generate)).as(err.toString()).isZero();
        assertThat(Files.readString(markdown)).contains("## Replicate", "No replicate yet");
        String before = Files.readString(dir.resolve("tables.md"));

        Fixtures.write(results.resolve(JmhJson.REPLICATE_DIR).resolve("results.json"), changedRun());
        assertThat(run(generate)).as(err.toString()).isZero();
        assertThat(Files.readString(markdown)).contains("## Replicate", "verdicts changed: 1 of", "stress: DELETE: how to wrap DDL: **yes**: ddl=DEFERRED → ddl=EXCLUSIVE",
                "| key figure | this run | replicate | change |");
        assertThat(Files.readString(dir.resolve("tables.md"))).isEqualTo(before);
    }

    /** A verdict is the decision: the same option in other words, or with another "avoid" note, is not a changed verdict. */
    @Test
    void wordingAndAvoidNotesAreNotVerdicts() {
        DecisionRule.Row wal = new DecisionRule.Row("any churn", "r", "**journal=WAL**", "e.g. 1", "journal=WAL", "", 1);
        DecisionRule.Row walOnly = new DecisionRule.Row("any churn", "r", "**journal=WAL** (the only option under which most "
                + "operations succeed)", "e.g. 2", "journal=WAL", "", 1);
        DecisionRule.Row walAvoid = new DecisionRule.Row("any churn", "r", "**journal=WAL**; **avoid journal=DELETE**", "e.g. 3",
                "journal=WAL", "journal=DELETE", 1);
        DecisionRule.Row none = new DecisionRule.Row("any churn", "r", "any `journal`: no measurable difference", "e.g. 4", "", "", 1);
        DecisionRule.Row noneEither = new DecisionRule.Row("any churn", "r", "no `journal` wins consistently", "e.g. 5", "", "", 1);

        assertThat(new RunComparison.Verdict("w", wal, wal).change()).isEqualTo("no");
        assertThat(new RunComparison.Verdict("w", wal, walOnly).change()).isEqualTo("no (wording)");
        assertThat(new RunComparison.Verdict("w", none, noneEither).change()).isEqualTo("no (wording)");
        RunComparison.Verdict avoid = new RunComparison.Verdict("w", wal, walAvoid);
        assertThat(avoid.changed()).isFalse();
        assertThat(avoid.change()).isEqualTo("avoid note only: none → avoid journal=DELETE");
        assertThat(new RunComparison.Verdict("w", wal, none).change()).isEqualTo("**yes**: journal=WAL → no recommendation");
        List<RunComparison.Verdict> all = List.of(avoid, new RunComparison.Verdict("w", wal, none), new RunComparison.Verdict("x", wal, null));
        assertThat(RunComparison.verdictLine(all)).isEqualTo("verdicts changed: 1 of 2");
        assertThat(RunComparison.avoidLine(all)).isEqualTo("avoid notes changed: 1 of 2");
    }
}
