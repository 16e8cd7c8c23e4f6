package io.github.schemachurn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import io.github.schemachurn.AtomicFiles;
import io.github.schemachurn.report.Environment;
import io.github.schemachurn.report.EnvironmentCapture;
import io.github.schemachurn.report.ReportException;
import io.github.schemachurn.report.ReportGenerator;
import io.github.schemachurn.report.RunComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The report's command line: {@code generate} writes benchmarks.md, its tables file and charts from
 * JMH results files or directories, {@code capture-env} records the machine beside the results. Run from the benchmark
 * jar, whose own main class stays JMH's:
 * <pre>java -cp target/benchmarks.jar io.github.schemachurn.cli.Report --help</pre>
 */
@Command(name = "report", mixinStandardHelpOptions = true, version = "schema-churn report 1",
        description = "Writes the published comparison report (benchmarks.md and charts) from JMH JSON results of this suite.",
        subcommands = {Report.Generate.class, Report.Compare.class, Report.CaptureEnv.class, CommandLine.HelpCommand.class})
public final class Report implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Cli.run("report", new Report(), ReportException.class, args, out, err);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Reads JMH JSON results of this suite (files, or every *.json under a directory but the "
                    + "environment file), recognises each result by its benchmark, params and thread count, and rewrites the generated "
                    + "part of the markdown file, the tables file and the charts. Any file name works, e.g. the "
                    + "results.json of `java -jar target/benchmarks.jar -rf json -rff results.json`.",
                    "Nothing is written unless every input is good."})
    static final class Generate implements Callable<Integer> {
        /** The published run's results and the report made from them: any other run's report goes beside its results. */
        static final String PUBLISHED_RESULTS = "results";
        static final String PUBLISHED_REPORT = "benchmarks.md";

        @Option(names = "--results", paramLabel = "PATH", arity = "1..*", defaultValue = "results",
                description = "JMH JSON results files or directories (default: ${DEFAULT-VALUE}).")
        List<Path> results;

        @Option(names = "--env", paramLabel = "FILE",
                description = "Environment file written by capture-env (default: DIR/" + ReportGenerator.ENVIRONMENT_FILE
                        + " when --results is one directory that has one; otherwise none).")
        Path environment;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Markdown file whose generated part is replaced; created if missing (default: "
                        + PUBLISHED_REPORT + " for --results " + PUBLISHED_RESULTS + ", the published run; otherwise "
                        + "report.md beside the results, as for --charts).")
        Path out;

        @Option(names = "--charts", paramLabel = "DIR",
                description = "Directory for the chart PNGs (default: charts/ beside the results: in the first --results "
                        + "directory, or in the first results file's directory).")
        Path charts;

        @Option(names = "--tables", paramLabel = "FILE",
                description = "Companion file with every counter of every configuration (default: tables.md beside the "
                        + "results, as for --charts).")
        Path tables;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            // Beside the results being reported, so that a report of another run never overwrites the published
            // run's report, charts and tables (benchmarks.md, results/charts, results/tables.md for --results results).
            Path first = results.get(0);
            Path beside = java.nio.file.Files.isDirectory(first) ? first
                    : java.util.Optional.ofNullable(first.getParent()).orElse(Path.of(""));
            if (charts == null) {
                charts = beside.resolve("charts");
            }
            if (tables == null) {
                tables = beside.resolve("tables.md");
            }
            if (out == null) {
                boolean published = results.size() == 1 && first.normalize().equals(Path.of(PUBLISHED_RESULTS));
                out = published ? Path.of(PUBLISHED_REPORT) : beside.resolve("report.md");
            }
            ReportGenerator.generate(results, java.util.Optional.ofNullable(environment), out, charts, tables);
            spec.commandLine().getOut().println("wrote " + out + ", " + tables + " and charts in " + charts);
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compares two runs (like Go's benchstat): every configuration in both with the ratio of its headline "
                    + "figure, the ratio's 95 % interval and whether it changed significantly; every answer row's verdict in both; "
                    + "the key figures; and a last line 'verdicts changed: N of M'. E.g. your machine against the published run "
                    + "(--base results), or driver version A against B."})
    static final class Compare implements Callable<Integer> {
        @Option(names = "--base", required = true, paramLabel = "PATH", description = "The first run: a results directory or file.")
        Path base;

        @Option(names = "--results", required = true, paramLabel = "PATH", description = "The second run: a results directory or file.")
        Path results;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the comparison here (markdown) instead of standard output.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String text = RunComparison.render(RunComparison.load(base), RunComparison.load(results), base.toString(), results.toString());
            if (out == null) {
                spec.commandLine().getOut().print(text);
            } else {
                AtomicFiles.write(out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                spec.commandLine().getOut().println("wrote " + out);
            }
            return 0;
        }
    }

    @Command(name = "capture-env", mixinStandardHelpOptions = true,
            description = "Records what JMH's results do not: CPU model and cores, OS, JDK vendor and version, sqlite-jdbc "
                    + "and SQLite versions, the run's command, JMH invocations and duration, the date, and extra facts.")
    static final class CaptureEnv implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", defaultValue = "results/" + ReportGenerator.ENVIRONMENT_FILE,
                description = "Where to write the environment JSON (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--command", required = true, paramLabel = "TEXT", description = "The exact command that ran the benchmarks.")
        String command;

        @Option(names = "--jmh-command", paramLabel = "TEXT", description = "One JMH invocation of the run (repeatable).")
        List<String> jmhCommands = new ArrayList<>();

        @Option(names = "--duration", paramLabel = "TEXT", description = "How long the run took, e.g. \"47 min\".")
        String duration;

        @Option(names = "--extra", paramLabel = "KEY=VALUE",
                description = "An extra fact to record as is (repeatable), e.g. \"system SQLite=3.40.1\" or \""
                        + Environment.MAX_SCHEMA_RETRY + "=25\".")
        java.util.Map<String, String> extras = new java.util.LinkedHashMap<>();

        @Option(names = "--date", paramLabel = "TEXT", description = "Date of the run (default: now, UTC, ISO-8601).")
        String date;

        @Option(names = "--smoke", description = "Mark the run as a smoke run with tiny settings; the report then says its numbers are placeholders.")
        boolean smoke;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Environment environment = EnvironmentCapture.capture(command, jmhCommands, duration, date, smoke, extras);
            AtomicFiles.write(out, environment.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("wrote " + out);
            return 0;
        }
    }
}
