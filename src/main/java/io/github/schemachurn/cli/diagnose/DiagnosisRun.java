package io.github.schemachurn.cli.diagnose;

import io.github.schemachurn.cli.Interleaved;
import io.github.schemachurn.report.JmhJson;
import io.github.schemachurn.report.Run;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the diagnose benchmarks as interleaved rounds ({@link Interleaved}, as {@code rounds} runs
 * a study): each round runs one fork of every configuration (the reload timings, and the readers
 * under the migration per journal mode) in a fresh random order, and tags each fork with its
 * round, so the page compares options within rounds. JMH's own counting rules hold: only the
 * measured window is counted ({@code OpCounters}, {@code DdlCounters}).
 */
final class DiagnosisRun {
    /** The study name every fork is tagged with: one study, so every option of a diagnosis pairs with every other. */
    static final String STUDY = "diagnose";
    /** The rounds' orders are drawn from this, so a diagnosis runs its forks in the same orders every time. */
    static final long SEED = 1;

    private DiagnosisRun() {}

    /** The configurations the plan measures on the case file. */
    static List<Interleaved.Configuration> configurations(Plan plan, Path caseFile) {
        List<Interleaved.Configuration> all = new ArrayList<>(Interleaved.configurations(select(caseFile)
                .include(benchmark(Run.DIAGNOSE_RELOAD_BENCHMARK) + "(" + String.join("|", plan.reloadMethods()) + ")$").build(),
                perFork(plan).build()));
        for (JournalMode journal : plan.journals()) {
            all.addAll(Interleaved.configurations(select(caseFile)
                    .include(benchmark(Run.DIAGNOSE_BENCHMARK))
                    .param(Run.JOURNAL, journal.name())
                    .param(Run.READER, plan.readers(journal).toArray(String[]::new))
                    .param(Run.DDL_PER_SECOND, plan.rates().toArray(String[]::new)).build(),
                    perFork(plan).build()));
        }
        return all;
    }

    /** What JMH says when another JMH run holds its lock file. */
    static final String JMH_LOCK_HELD = "Another JMH instance might be running";

    /** @return the results file */
    static Path run(Plan plan, Path caseFile, Path outDir, PrintWriter progress) {
        List<Interleaved.Configuration> configurations = configurations(plan, caseFile);
        Path results = outDir.resolve("jmh.json");
        try {
            Interleaved.run(STUDY, configurations, plan.rounds(), SEED, false, results, (round, slot, slots, c, twin) -> {
                if (slot == 1) {
                    progress.println("round " + round + "/" + plan.rounds() + ": " + slots
                            + " forks (the query's prepare and re-prepare cost, readers during the migration)");
                    progress.flush();
                }
            });
        } catch (Interleaved.TrialFailed e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (String.valueOf(cause.getMessage()).contains(JMH_LOCK_HELD)) {
                // JMH takes a machine-wide lock per run so that two runs do not spoil each other's numbers.
                throw new DiagnoseException("another JMH run is measuring on this machine (it holds JMH's lock file); "
                        + "run diagnose again when it has ended");
            }
            throw new IllegalStateException("a measurement failed: " + cause.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    private static String benchmark(String className) {
        return Pattern.quote(JmhJson.SUITE_PACKAGE + className + ".");
    }

    /** The params every configuration shares: the case file. */
    private static ChainedOptionsBuilder select(Path caseFile) {
        return new OptionsBuilder().param(Run.DIAGNOSIS, caseFile.toString());
    }

    private static ChainedOptionsBuilder perFork(Plan plan) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .warmupIterations(plan.warmups())
                .warmupTime(plan.warmupTime())
                .measurementIterations(plan.iterations())
                .measurementTime(plan.iterationTime())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        String tmp = System.getProperty(Database.TMPDIR_PROPERTY);
        return tmp == null ? options : options.jvmArgsAppend("-D" + Database.TMPDIR_PROPERTY + "=" + tmp);
    }
}
