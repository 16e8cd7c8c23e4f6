package io.github.schemachurn.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The report's command line: {@code generate} writes benchmarks.md and its charts from a results
 * directory, {@code capture-env} records the machine beside the results. Run from the benchmark
 * jar, whose own main class stays JMH's:
 * <pre>java -cp target/benchmarks.jar io.github.schemachurn.report.Report --help</pre>
 */
@Command(name = "report", mixinStandardHelpOptions = true, version = "schema-churn report 1",
        description = "Writes the published comparison report (benchmarks.md and charts) from JMH JSON results of this suite.",
        subcommands = {Report.Generate.class, Report.CaptureEnv.class, CommandLine.HelpCommand.class})
public final class Report implements Callable<Integer> {
    /** Exit code for bad input or output (a results file, the environment, an unwritable directory). */
    static final int INPUT_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Report()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ReportException) {
                cmd.getErr().println("report: " + e.getMessage());
            } else {
                cmd.getErr().println("report: unexpected " + e.getClass().getSimpleName() + ": " + ResultsFile.oneLine(e.getMessage()));
            }
            cmd.getErr().flush();
            return INPUT_ERROR;
        });
        commandLine.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println("report: " + ResultsFile.oneLine(e.getMessage()) + " (see --help)");
            e.getCommandLine().getErr().flush();
            return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Reads every *.json in the results directory (but the environment file) and rewrites the "
                    + "generated part of the markdown file and the charts. Results files are named for the question they "
                    + "answer: ceiling, ddl, reader, retry, writes or latency, optionally with -suffix (e.g. reader-applock.json).",
                    "Nothing is written unless every input is good."})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
                description = "Directory of JMH JSON results files (default: ${DEFAULT-VALUE}).")
        Path results;

        @Option(names = "--env", paramLabel = "FILE",
                description = "Environment file written by capture-env (default: DIR/" + ReportGenerator.ENVIRONMENT_FILE + ").")
        Path environment;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = "benchmarks.md",
                description = "Markdown file whose generated part is replaced; created if missing (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--charts", paramLabel = "DIR", description = "Directory for the chart PNGs (default: DIR/charts).")
        Path charts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path environmentFile = environment != null ? environment : results.resolve(ReportGenerator.ENVIRONMENT_FILE);
            Path chartsDir = charts != null ? charts : results.resolve("charts");
            ReportGenerator.generate(results, environmentFile, out, chartsDir);
            spec.commandLine().getOut().println("wrote " + out + " and charts in " + chartsDir);
            return 0;
        }
    }

    @Command(name = "capture-env", mixinStandardHelpOptions = true,
            description = "Records what JMH's results do not: CPU model and cores, OS, JDK vendor and version, sqlite-jdbc "
                    + "and SQLite versions, the run's command and JMH invocations, and the date.")
    static final class CaptureEnv implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", defaultValue = "results/" + ReportGenerator.ENVIRONMENT_FILE,
                description = "Where to write the environment JSON (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--command", required = true, paramLabel = "TEXT", description = "The exact command that ran the benchmarks.")
        String command;

        @Option(names = "--jmh-command", paramLabel = "TEXT",
                description = "One JMH invocation of the run, as \"file: command\" (repeatable).")
        List<String> jmhCommands = new ArrayList<>();

        @Option(names = "--date", paramLabel = "TEXT", description = "Date of the run (default: now, UTC, ISO-8601).")
        String date;

        @Option(names = "--smoke", description = "Mark the run as a smoke run with tiny settings; the report then says its numbers are placeholders.")
        boolean smoke;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Environment environment = EnvironmentCapture.capture(command, jmhCommands, date, smoke);
            AtomicFiles.write(out, environment.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("wrote " + out);
            return 0;
        }
    }
}
