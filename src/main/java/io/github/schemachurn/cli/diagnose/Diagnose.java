package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.sqlite.PrivateDirectory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import io.github.schemachurn.cli.Cli;
import io.github.schemachurn.workload.diagnosis.MigratedCopy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/benchmarks.jar diagnose …}: will the user's prepared query fail or stall
 * while the user's migration runs, on the user's own database, and what should they change? Checks
 * the input ({@link Preflight}), measures through JMH ({@link DiagnosisRun}) on private copies of
 * the file, and writes {@code DIR/diagnosis.md} with its chart ({@link DiagnosisPage}) and a short
 * summary on the console. The user's file is only ever opened read-only.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, version = "schema-churn diagnose 1",
        description = {"Measures what your readers meet while your migration runs on a copy of your SQLite database: "
                + "failures by SQLite result code, stalls, the cost of a schema reload for your query and the churn rate "
                + "above which SQLITE_SCHEMA starts; writes DIR/diagnosis.md. Your file is opened read-only and never written.",
                "The page opens with a verdict per journal mode and rate. Readers run on sqlite-jdbc (sqlite3_prepare_v2, busy "
                + "timeout 3000 ms); where the system library libsqlite3 is installed, your query also runs through the legacy "
                + "sqlite3_prepare (PHP's PDO SQLite before 7.2). With --write, a writer runs your write statement "
                + MigratedCopy.WRITES_PER_SECOND + " times a second beside each reader; the page gives its failures, its longest "
                + "write, and how long each migration step held the write lock.",
                "If another process keeps your file locked for more than " + Preflight.LOCK_WAIT_MS / 1000 + " s (a write transaction, BEGIN EXCLUSIVE), diagnose "
                + "says so and stops (exit 1); a live WAL database is copied consistently without blocking its writers.",
                "About 5 minutes on a 2-core machine; --quick about 1 minute (rough)."})
public final class Diagnose implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "Your SQLite database file (only read).")
    Path db;

    @Option(names = "--query", required = true, paramLabel = "SQL", description = "Your readers' query, with ? placeholders.")
    String query;

    @Option(names = "--arg", paramLabel = "VALUE", description = "A value for the query's next placeholder (repeatable): "
            + "a whole number is bound as an integer, another number as a real, anything else as text.")
    List<String> args = new ArrayList<>();

    @Option(names = "--migration", required = true, paramLabel = "FILE", description = "Your migration: SQL statements, run as one transaction.")
    Path migration;

    @Option(names = "--rollback", paramLabel = "FILE",
            description = "Its rollback: with it, up and down alternate at --rate; without it, the migration is applied once per fresh copy.")
    Path rollback;

    @Option(names = "--write", paramLabel = "SQL", description = "Your writers' statement, e.g. an UPDATE … WHERE id = ?, "
            + "run in a loop beside the readers; it must change a row. Default: none (writers are not measured).")
    String write = "";

    @Option(names = "--write-arg", paramLabel = "VALUE", description = "A value for the write statement's next placeholder (repeatable), bound as --arg.")
    List<String> writeArgs = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "DDL/s", description = "Migration steps per second with --rollback "
            + "(default: 1, 10 and 100, plus back to back as stress; --quick: 10).")
    Integer rate;

    @Option(names = "--quick", description = "A rough answer in about a minute: one rate, short iterations.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "diagnosis",
            description = "Directory for diagnosis.md and its chart (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private String[] commandLine = new String[0];
    /** Changes the plan before it runs: tests shrink it. */
    private java.util.function.UnaryOperator<Plan> adjust = plan -> plan;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, plan -> plan);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, java.util.function.UnaryOperator<Plan> adjust) {
        Diagnose diagnose = new Diagnose();
        diagnose.commandLine = args.clone();
        diagnose.adjust = adjust;
        return Cli.run("diagnose", diagnose, DiagnoseException.class, args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        if (rate != null && rate <= 0) {
            throw new DiagnoseException("--rate must be above 0, got " + rate);
        }
        if (rate != null && rollback == null) {
            throw new DiagnoseException("--rate needs --rollback: without one the migration is applied once per fresh copy");
        }
        PrintWriter console = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (Preflight.Checked input = Preflight.check(db, query, args, migration, Optional.ofNullable(rollback),
                write, writeArgs)) {
            Plan plan = adjust.apply(Plan.of(quick, Optional.ofNullable(rate), input.diagnosis().alternates(),
                    input.profile().journalMode()));
            console.println("diagnose: " + db + ": " + input.profile().tables() + " tables, " + input.profile().indexes()
                    + " indexes; measuring (" + (quick ? "about 1 minute, rough" : "about 5 minutes") + ")");
            Path work = PrivateDirectory.create("schemachurn-diagnose-", "diagnosis");
            try {
                Path caseFile = work.resolve("case.json");
                input.diagnosis().write(caseFile);
                List<Path> results = List.of(DiagnosisRun.run(plan, caseFile, work, console));
                DiagnosisPage.Page page = DiagnosisPage.render(input, plan, command(), db.getFileName().toString(), results,
                        readme());
                write(page);
            } finally {
                PrivateDirectory.delete(work);
            }
            page(console, started);
        }
        return 0;
    }

    private void page(PrintWriter console, long started) {
        console.println("wrote " + out.resolve("diagnosis.md") + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
    }

    private void write(DiagnosisPage.Page page) throws java.io.IOException {
        Files.createDirectories(out);
        Files.write(out.resolve("diagnosis.md"), page.markdown().getBytes(StandardCharsets.UTF_8));
        if (page.chart() != null) {
            Files.write(out.resolve(DiagnosisPage.CHART), page.chart());
        }
        PrintWriter console = spec.commandLine().getOut();
        page.summary().forEach(line -> console.println("  " + line));
    }

    /** The suite's README.md relative to the page (the jar runs from the checkout's root), for the page's links. */
    private String readme() {
        Path readme = Path.of("README.md").toAbsolutePath();
        return out.toAbsolutePath().normalize().relativize(readme).toString();
    }

    /** The command as given, quoted for a POSIX shell, to reproduce the diagnosis. */
    private String command() {
        return "java -jar target/benchmarks.jar diagnose " + java.util.Arrays.stream(commandLine)
                .map(a -> a.matches("[A-Za-z0-9_./=:@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
