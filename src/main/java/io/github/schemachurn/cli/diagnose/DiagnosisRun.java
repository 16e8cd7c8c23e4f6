package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the diagnose benchmarks through JMH's Runner API, in rounds: each round runs one fork of
 * every configuration (the reload timings, then the readers under the migration per journal mode)
 * into a JSON results file of its own; the page pools the rounds' files as forks. JMH's own
 * counting rules hold: only the measured window is counted ({@code OpCounters}, {@code DdlCounters}).
 */
final class DiagnosisRun {
    private static final String BENCH = "io\\.github\\.schemachurn\\.bench\\.";

    private DiagnosisRun() {}

    /** @return the results files, one per round and part */
    static List<Path> run(Plan plan, Path caseFile, Path outDir, PrintWriter progress) {
        List<Path> files = new ArrayList<>();
        for (int round = 1; round <= plan.rounds(); round++) {
            Path reload = outDir.resolve("jmh-round" + round + "-reload.json");
            progress.println("round " + round + "/" + plan.rounds() + ": the query's prepare and re-prepare cost");
            progress.flush();
            run(options(plan, caseFile, reload)
                    .include(BENCH + "DiagnoseReloadBenchmark\\.(" + String.join("|", plan.reloadMethods()) + ")$"));
            files.add(reload);
            for (JournalMode journal : plan.journals()) {
                Path migration = outDir.resolve("jmh-round" + round + "-" + journal.name().toLowerCase(java.util.Locale.ROOT) + ".json");
                progress.println("round " + round + "/" + plan.rounds() + ": readers during the migration, " + journal + " ("
                        + plan.readers(journal).size() * plan.rates().size() + " configurations)");
                progress.flush();
                run(options(plan, caseFile, migration)
                        .include(BENCH + "DiagnoseBenchmark\\.")
                        .param("journal", journal.name())
                        .param("reader", plan.readers(journal).toArray(String[]::new))
                        .param("ddlPerSecond", plan.rates().toArray(String[]::new)));
                files.add(migration);
            }
        }
        return files;
    }

    private static ChainedOptionsBuilder options(Plan plan, Path caseFile, Path results) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .param("diagnosis", caseFile.toString())
                .forks(1)
                .warmupIterations(plan.warmups())
                .warmupTime(plan.warmupTime())
                .measurementIterations(plan.iterations())
                .measurementTime(plan.iterationTime())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString());
        String tmp = System.getProperty(Database.TMPDIR_PROPERTY);
        return tmp == null ? options : options.jvmArgsAppend("-D" + Database.TMPDIR_PROPERTY + "=" + tmp);
    }

    private static void run(ChainedOptionsBuilder options) {
        try {
            new Runner(options.build()).run();
        } catch (RunnerException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("a measurement failed: " + cause.getMessage(), e);
        }
    }
}
