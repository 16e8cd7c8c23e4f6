package io.github.schemachurn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs one study (the benchmarks and params that JMH's own arguments select) as interleaved
 * rounds ({@link Interleaved}): in every round each configuration runs one fork, in a fresh random
 * order, and the first configuration runs a second time (its A/A twin).
 *
 * <pre>java -cp target/benchmarks.jar io.github.schemachurn.cli.Rounds --rounds 5 --seed 42 --study ddl \
 *     --out results/ddl.json -- '\.ChurnBenchmark\.' -p journal=WAL</pre>
 *
 * Everything after {@code --} is JMH's command line, as for {@code java -jar benchmarks.jar}; a
 * fork count there is ignored (one fork per configuration per round). Several selections joined by
 * {@code --and}, each a whole JMH command line, make one study: options a single cross product of
 * params cannot select (the DEFERRED DDL beside a full grid) then run in the same rounds as the
 * rest, paired with them, instead of in a study of their own minutes away. The results file is
 * {@link Interleaved}'s: JMH's JSON with each fork's round.
 */
@Command(name = "rounds", mixinStandardHelpOptions = true,
        description = "Runs the configurations JMH's arguments (after --) select as interleaved rounds with an A/A control.")
public final class Rounds implements Callable<Integer> {
    @Option(names = "--rounds", required = true, paramLabel = "N", description = "Rounds; each runs one fork of every configuration.")
    int rounds;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Seed of the rounds' random orders (recorded in the results).")
    long seed;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "Name of the study, recorded with every fork.")
    String study;

    @Option(names = "--out", paramLabel = "FILE", description = "The JMH JSON results file to write (required unless --plan).")
    Path out;

    @Option(names = "--no-control", description = "Run no A/A twin (a study with one configuration, or no comparison in it).")
    boolean noControl;

    @Option(names = "--plan", description = "Print the configurations, the rounds' forks and the estimated time; run nothing.")
    boolean plan;

    @Parameters(arity = "1..*", paramLabel = "JMH_ARG", description = "JMH's command line (benchmark regexps and options), after --.")
    List<String> jmhArgs;

    /** Joins selections (JMH command lines) of one study. */
    static final String AND = "--and";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return Cli.run("rounds", new Rounds(), Problem.class, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    @Override
    public Integer call() throws IOException {
        if (rounds < 1) {
            throw new Problem("--rounds must be at least 1, got " + rounds);
        }
        List<Interleaved.Configuration> configurations = configurations(jmhArgs);
        boolean control = !noControl && configurations.size() > 1;
        double forkSeconds = configurations.stream().mapToDouble(Interleaved::forkSeconds).sum()
                + (control ? Interleaved.forkSeconds(configurations.get(0)) : 0);
        int forks = rounds * (configurations.size() + (control ? 1 : 0));
        String estimate = String.format(Locale.ROOT, "plan %s: %d configuration(s)%s x %d round(s) = %d forks, about %.0f s",
                study, configurations.size(), control ? " + A/A twin" : "", rounds, forks, rounds * forkSeconds);
        System.out.println(estimate);
        if (plan) {
            configurations.forEach(c -> System.out.println("  " + c.label()));
            return 0;
        }
        if (out == null) {
            throw new Problem("--out FILE is required unless --plan");
        }
        try {
            Interleaved.run(study, configurations, rounds, seed, control, out, Interleaved.lines(new PrintWriter(System.out, true), rounds));
        } catch (Interleaved.TrialFailed e) {
            throw new Problem(e.getMessage());
        }
        return 0;
    }

    /** JMH's options as its own command line parses them; the first failed trial fails the run unless -foe says otherwise. */
    static CommandLineOptions jmhOptions(List<String> args) {
        try {
            return new CommandLineOptions(Main.withFailOnErrorDefault(args.toArray(String[]::new)));
        } catch (CommandLineOptionException e) {
            throw new Problem("bad JMH option: " + e.getMessage());
        }
    }

    /** The arguments without the benchmark regexps, so a fork's own include selects exactly one benchmark. */
    static List<String> withoutIncludes(List<String> args, List<String> includes) {
        List<String> rest = new ArrayList<>(args);
        rest.removeIf(includes::contains);
        return rest;
    }

    /**
     * Every configuration the selections (JMH command lines joined by {@link #AND}) choose, in their
     * order, each once; a selection that chooses nothing is bad input.
     */
    static List<Interleaved.Configuration> configurations(List<String> args) {
        List<List<String>> selections = new ArrayList<>(List.of(new ArrayList<>()));
        for (String arg : args) {
            if (arg.equals(AND)) {
                selections.add(new ArrayList<>());
            } else {
                selections.get(selections.size() - 1).add(arg);
            }
        }
        Map<String, Interleaved.Configuration> all = new LinkedHashMap<>();
        for (List<String> selection : selections) {
            if (selection.isEmpty()) {
                throw new Problem("an empty selection before or after " + AND + " (each is a whole JMH command line)");
            }
            CommandLineOptions jmh = jmhOptions(selection);
            List<Interleaved.Configuration> chosen = Interleaved.configurations(jmh, jmhOptions(withoutIncludes(selection, jmh.getIncludes())));
            if (chosen.isEmpty()) {
                throw new Problem("no benchmark matches " + jmh.getIncludes());
            }
            chosen.forEach(c -> all.putIfAbsent(c.label(), c));
        }
        return List.copyOf(all.values());
    }

    /** Bad input or a failed trial: one line, exit code 1. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
