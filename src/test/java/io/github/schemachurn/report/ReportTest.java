package io.github.schemachurn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on the fixture run: what it writes, and the one-line errors. */
class ReportTest {
    @TempDir
    Path dir;
    Path results;
    Path markdown;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyFixtures() {
        results = Fixtures.copyRun(dir);
        markdown = dir.resolve("benchmarks.md");
    }

    private int run(String... args) {
        return Report.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private int generate() {
        return run("generate", "--results", results.toString(), "--out", markdown.toString());
    }

    /** The command failed with exit code 1 and exactly one line on stderr, which is returned. */
    private String oneLineError(int exitCode) {
        assertThat(exitCode).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("report: ").doesNotContain("Exception", "\tat ");
        return lines.get(0);
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: report", "generate", "capture-env");
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString()).contains("--results=DIR", "--out=FILE", "--charts=DIR");
    }

    @Test
    void generatesTablesWithTheRightRowsAndNumbers() {
        assertThat(generate()).isZero();
        String report = Fixtures.read(markdown);
        assertThat(report).contains(ReportGenerator.BEGIN, ReportGenerator.END,
                "Placeholder: these numbers come from a tiny smoke run",
                "| CPU | AMD EPYC, 2 cores available to the JVM |",
                "| sqlite-jdbc / SQLite | 3.54.1.0 / 3.54.1 |");
        // ddl.json, WAL/AUTOCOMMIT: reader score 128614.07 ops/s, no failures; churner 11951.27 ops/s, no failures.
        assertThat(report).contains("| WAL | AUTOCOMMIT | 128,614 ± 348,763 | 128,614 | 0 % | 0 | 11,951 | 0 % | 134,767 / 125,538; 0 % / 0 %; 9,830 / 13,012 |  |");
        // DELETE/AUTOCOMMIT: 51988 of 99345 reads BUSY = 52.33 %, so 52.33 % of 81,625 attempts/s = 42,715 BUSY/s.
        assertThat(report).contains("| DELETE | AUTOCOMMIT | 81,625 ± 134,046 | 38,910 | 52.33 %: BUSY 42,715/s (52.33 %) |");
        // One table row per configuration: 8 ceiling rows.
        assertThat(report.lines().filter(l -> l.startsWith("| WAL | bare") || l.startsWith("| DELETE | bare")
                || l.startsWith("| WAL | layered") || l.startsWith("| DELETE | layered")).count()).isEqualTo(8);
        // latency.json, WAL/AUTOCOMMIT reader: p50 3.856, p99 82.679, p99.9 3563.63 us.
        assertThat(report).contains("| WAL | AUTOCOMMIT | 3.86 | 82.7 | 3,564 |");
        assertThat(report).contains("Not measured in this run (no retry*.json results)");
    }

    @Test
    void chartsAreWrittenAndReadableImages() throws IOException {
        assertThat(generate()).isZero();
        for (String name : List.of("ceiling", "ddl", "journal", "reader", "writes", "latency")) {
            Path png = results.resolve("charts").resolve(name + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(name).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(image.getHeight()).isEqualTo(450);
            assertThat(Fixtures.read(markdown)).contains("(results/charts/" + name + ".png)");
        }
    }

    @Test
    void regenerationKeepsTheProseAndIsByteIdentical() throws IOException {
        Files.writeString(markdown, "# Title\n\nProse before.\n\n" + ReportGenerator.BEGIN + "\nold\n" + ReportGenerator.END + "\n\nProse after.\n");
        assertThat(generate()).isZero();
        byte[] first = Files.readAllBytes(markdown);
        byte[] chart = Files.readAllBytes(results.resolve("charts/ddl.png"));
        assertThat(generate()).isZero();
        assertThat(Files.readAllBytes(markdown)).isEqualTo(first);
        assertThat(Files.readAllBytes(results.resolve("charts/ddl.png"))).isEqualTo(chart);
        String report = new String(first, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report).startsWith("# Title\n\nProse before.\n\n" + ReportGenerator.BEGIN + "\n").endsWith(ReportGenerator.END + "\n\nProse after.\n")
                .doesNotContain("\nold\n");
    }

    @Test
    void disagreeingForksAreFlaggedAndNotAveraged() {
        // Fork 2 of WAL/IMMEDIATE ten times faster: the two regimes of a 2-core machine.
        Fixtures.edit(results.resolve("ddl.json"), "WAL", "IMMEDIATE", row -> Fixtures.scaleFork(row, "reader", 1, 10));
        assertThat(generate()).isZero();
        String row = Fixtures.read(markdown).lines().filter(l -> l.startsWith("| WAL | IMMEDIATE | ")).findFirst().orElseThrow();
        assertThat(row).endsWith("| ⚠ forks disagree |").contains("⚠ 40,920 – 402,136");
        String unchanged = Fixtures.read(markdown).lines().filter(l -> l.startsWith("| WAL | DEFERRED | ")).findFirst().orElseThrow();
        assertThat(unchanged).doesNotContain("⚠");
    }

    @Test
    void missingResultsDirectory() {
        String error = oneLineError(run("generate", "--results", dir.resolve("nope").toString(), "--out", markdown.toString()));
        assertThat(error).isEqualTo("report: " + dir.resolve("nope") + ": no such directory");
    }

    @Test
    void malformedResultsFilesGiveOneLineErrorsNamingTheFile() throws IOException {
        Path file = results.resolve("ddl.json");
        List<String[]> cases = List.of(
                new String[] {"", "empty file"},
                new String[] {"[{\"benchmark\": ", "not valid JSON at line 1, column 16"},
                new String[] {"{\"benchmark\": \"x\"}", "not a JMH results file (expected a JSON array of benchmark results, found an object)"},
                new String[] {"[]", "no benchmark results in it (an empty array)"},
                new String[] {"[{\"benchmark\": \"org.example.Other.run\"}]", "result 1 is org.example.Other.run, not a result of this suite"},
                new String[] {"[42]", "result 1 is not in JMH's result shape: expected an object, found a number"});
        for (String[] c : cases) {
            Files.writeString(file, c[0]);
            err.getBuffer().setLength(0);
            assertThat(oneLineError(generate())).as(c[1]).startsWith("report: " + file + ": " + c[1]);
        }
    }

    @Test
    void wrongShapeAndWrongBenchmark() throws IOException {
        Fixtures.edit(results.resolve("ddl.json"), "WAL", "EXCLUSIVE", row -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                row.path("secondaryMetrics").path("reader")).remove("rawData"));
        assertThat(oneLineError(generate())).isEqualTo("report: " + results.resolve("ddl.json")
                + ": result 7 is not in JMH's result shape: 'rawData' is missing");
        err.getBuffer().setLength(0);
        Files.copy(results.resolve("writes.json"), results.resolve("ddl.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(oneLineError(generate())).isEqualTo("report: " + results.resolve("ddl.json")
                + ": result 1 comes from WriteChurnBenchmark, but ddl results come from ChurnBenchmark");
    }

    @Test
    void countersThatDoNotAddUp() {
        Fixtures.edit(results.resolve("ddl.json"), "DELETE", "DEFERRED", row -> Fixtures.moveCount(row, "opAttempts", "opRetries", 5));
        assertThat(oneLineError(generate())).matches("report: " + java.util.regex.Pattern.quote(results.resolve("ddl.json").toString())
                + ": result \\d: op counters of fork 1: counters do not add up: \\d+ attempts but \\d+ ok \\+ \\d+ failed");
    }

    @Test
    void fileNamesMustSayTheQuestion() throws IOException {
        Files.copy(results.resolve("ddl.json"), results.resolve("misc.json"));
        assertThat(oneLineError(generate())).startsWith("report: " + results.resolve("misc.json")
                + ": the file name does not say which question it answers");
    }

    @Test
    void noChurnResults() throws IOException {
        for (String name : List.of("ddl.json", "latency.json", "reader-applock.json", "writes.json")) {
            Files.delete(results.resolve(name));
        }
        assertThat(oneLineError(generate())).isEqualTo("report: " + results
                + ": no churn results in it (only ceiling results); the report needs ddl, reader, retry, writes or latency results");
    }

    @Test
    void missingEnvironment() throws IOException {
        Files.delete(results.resolve("environment.json"));
        assertThat(oneLineError(generate())).isEqualTo("report: " + results.resolve("environment.json") + ": no such file");
    }

    @Test
    void badInputNeverOverwritesAGoodReport() throws IOException {
        assertThat(generate()).isZero();
        byte[] good = Files.readAllBytes(markdown);
        byte[] chart = Files.readAllBytes(results.resolve("charts/ddl.png"));
        Fixtures.edit(results.resolve("ddl.json"), "WAL", "IMMEDIATE", row -> Fixtures.scale(row, "reader", 2));
        Files.writeString(results.resolve("writes.json"), "not json");
        oneLineError(generate());
        assertThat(Files.readAllBytes(markdown)).isEqualTo(good);
        assertThat(Files.readAllBytes(results.resolve("charts/ddl.png"))).isEqualTo(chart);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results", "benchmarks.md");
        }
    }

    @Test
    void markdownWithoutMarkersIsNotOverwritten() throws IOException {
        Files.writeString(markdown, "# hand-written, no markers\n");
        assertThat(oneLineError(generate())).startsWith("report: " + markdown + ": it has no single pair of generated-part markers");
        assertThat(Fixtures.read(markdown)).isEqualTo("# hand-written, no markers\n");
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a directory should be");
        String error = oneLineError(run("generate", "--results", results.toString(), "--out", blocker.resolve("benchmarks.md").toString(),
                "--charts", dir.resolve("charts").toString()));
        assertThat(error).startsWith("report: " + blocker.resolve("benchmarks.md") + ": cannot write it (");
    }

    @Test
    void unknownOptionIsOneLineWithUsageExitCode() {
        assertThat(run("generate", "--bogus")).isEqualTo(2);
        assertThat(err.toString().lines().toList()).containsExactly("report: Unknown option: '--bogus' (see --help)");
    }

    @Test
    void captureEnvWritesWhatTheReportReads() {
        Path file = dir.resolve("env/environment.json");
        assertThat(run("capture-env", "--out", file.toString(), "--command", "results/run.sh", "--jmh-command", "ddl: java -jar x",
                "--date", "2026-01-02T03:04:05Z")).isZero();
        Environment environment = Environment.read(file);
        assertThat(environment.sqliteJdbcVersion()).isEqualTo("3.54.1.0");
        assertThat(environment.sqliteVersion()).isEqualTo("3.54.1");
        assertThat(environment.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(environment.command()).isEqualTo("results/run.sh");
        assertThat(environment.jmhCommands()).containsExactly("ddl: java -jar x");
        assertThat(environment.date()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(environment.smoke()).isFalse();
        assertThat(environment.toJson()).isEqualTo(Fixtures.read(file));
    }

    @Test
    void environmentWithAMissingField() throws IOException {
        Files.writeString(results.resolve("environment.json"), "{\"cores\": 2}");
        assertThat(oneLineError(generate())).isEqualTo("report: " + results.resolve("environment.json") + ": 'cpuModel' is missing or empty");
    }
}
