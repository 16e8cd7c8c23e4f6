package io.github.schemachurn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs one study (the benchmarks and params that JMH's own arguments select) as interleaved
 * rounds: in every round each configuration runs one fork, in a fresh random order, so every
 * option meets the same minutes of the machine; and the first configuration runs a second time
 * in every round (its A/A twin), whose difference from itself is the run's noise. JMH runs each
 * configuration's forks back to back, so two options of a comparison would be measured minutes
 * apart and the machine's drift in between would count as their difference.
 *
 * <pre>java -cp target/benchmarks.jar io.github.schemachurn.cli.Rounds --rounds 5 --seed 42 --study ddl \
 *     --out results/ddl.json -- '\.ChurnBenchmark\.' -p journal=WAL</pre>
 *
 * Everything after {@code --} is JMH's command line, as for {@code java -jar benchmarks.jar}; a
 * fork count there is ignored (one fork per configuration per round). Several selections joined by
 * {@code --and}, each a whole JMH command line, make one study: options a single cross product of
 * params cannot select (the DEFERRED DDL beside a full grid) then run in the same rounds as the
 * rest, paired with them, instead of in a study of their own minutes away. The results file is JMH's
 * JSON ({@code -rf json}), one result per fork, each with a {@code round} object added: study,
 * round, slot (its position in the round), seed, and {@code twin} for the A/A control's second run.
 * It is rewritten after every fork, so an interrupted run keeps what it measured.
 */
@Command(name = "rounds", mixinStandardHelpOptions = true,
        description = "Runs the configurations JMH's arguments (after --) select as interleaved rounds with an A/A control.")
public final class Rounds implements Callable<Integer> {
    /** JVM start, trial setup and teardown of one fork, beyond its iterations: the last non-interleaved published run's mean. */
    static final double FORK_OVERHEAD_SECONDS = 2.0;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** One configuration: a benchmark, a value for each of its params, and the JMH options of the selection that chose it. */
    record Configuration(BenchmarkListEntry benchmark, Map<String, String> params, CommandLineOptions options) {
        String label() {
            return benchmark.getUsername() + (params.isEmpty() ? "" : " " + params);
        }
    }

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
        List<Configuration> configurations = configurations(jmhArgs);
        boolean control = !noControl && configurations.size() > 1;
        double forkSeconds = configurations.stream().mapToDouble(Rounds::forkSeconds).sum()
                + (control ? forkSeconds(configurations.get(0)) : 0);
        int forks = rounds * (configurations.size() + (control ? 1 : 0));
        String estimate = String.format(java.util.Locale.ROOT, "plan %s: %d configuration(s)%s x %d round(s) = %d forks, about %.0f s",
                study, configurations.size(), control ? " + A/A twin" : "", rounds, forks, rounds * forkSeconds);
        System.out.println(estimate);
        if (plan) {
            configurations.forEach(c -> System.out.println("  " + c.label()));
            return 0;
        }
        if (out == null) {
            throw new Problem("--out FILE is required unless --plan");
        }
        Random random = new Random(seed ^ study.hashCode());
        ArrayNode results = JSON.createArrayNode();
        for (int round = 1; round <= rounds; round++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < configurations.size(); i++) {
                order.add(i);
            }
            if (control) {
                order.add(-1); // the A/A twin of configuration 0
            }
            Collections.shuffle(order, random);
            for (int slot = 0; slot < order.size(); slot++) {
                boolean twin = order.get(slot) < 0;
                Configuration c = configurations.get(twin ? 0 : order.get(slot));
                System.out.println(">>> round " + round + "/" + rounds + ", slot " + (slot + 1) + "/" + order.size()
                        + (twin ? " (A/A twin)" : "") + ": " + c.label());
                ObjectNode tag = JSON.createObjectNode().put("study", study).put("round", round).put("slot", slot + 1)
                        .put("seed", seed).put("twin", twin);
                for (JsonNode result : runFork(c)) {
                    ((ObjectNode) result).set("round", tag);
                    results.add(result);
                }
                write(out, results);
            }
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
    static List<Configuration> configurations(List<String> args) {
        List<List<String>> selections = new ArrayList<>(List.of(new ArrayList<>()));
        for (String arg : args) {
            if (arg.equals(AND)) {
                selections.add(new ArrayList<>());
            } else {
                selections.get(selections.size() - 1).add(arg);
            }
        }
        Map<String, Configuration> all = new LinkedHashMap<>();
        for (List<String> selection : selections) {
            if (selection.isEmpty()) {
                throw new Problem("an empty selection before or after " + AND + " (each is a whole JMH command line)");
            }
            CommandLineOptions jmh = jmhOptions(selection);
            List<Configuration> chosen = configurations(jmh, jmhOptions(withoutIncludes(selection, jmh.getIncludes())));
            if (chosen.isEmpty()) {
                throw new Problem("no benchmark matches " + jmh.getIncludes());
            }
            chosen.forEach(c -> all.putIfAbsent(c.label(), c));
        }
        return List.copyOf(all.values());
    }

    /** Every configuration the options select, in JMH's order: each benchmark, crossed with its params' values. */
    static List<Configuration> configurations(CommandLineOptions options, CommandLineOptions perFork) {
        SortedSet<BenchmarkListEntry> benchmarks = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), options.getIncludes(), options.getExcludes());
        List<Configuration> all = new ArrayList<>();
        for (BenchmarkListEntry b : benchmarks) {
            List<Map<String, String>> combinations = List.of(new LinkedHashMap<>());
            Map<String, String[]> declared = b.getParams().hasValue() ? b.getParams().get() : Map.of();
            for (Map.Entry<String, String[]> param : new java.util.TreeMap<>(declared).entrySet()) {
                Collection<String> values = options.getParameter(param.getKey()).hasValue()
                        ? options.getParameter(param.getKey()).get() : Arrays.asList(param.getValue());
                List<Map<String, String>> crossed = new ArrayList<>();
                for (Map<String, String> c : combinations) {
                    for (String v : values) {
                        Map<String, String> more = new LinkedHashMap<>(c);
                        more.put(param.getKey(), v);
                        crossed.add(more);
                    }
                }
                combinations = crossed;
            }
            combinations.forEach(p -> all.add(new Configuration(b, p, perFork)));
        }
        return all;
    }

    /** One fork's estimated wall time: its warmup and measurement iterations (options over annotations over JMH's defaults) plus overhead. */
    static double forkSeconds(Configuration c) {
        BenchmarkListEntry b = c.benchmark();
        CommandLineOptions o = c.options();
        int wi = o.getWarmupIterations().orElse(b.getWarmupIterations().orElse(5));
        int mi = o.getMeasurementIterations().orElse(b.getMeasurementIterations().orElse(5));
        TimeValue w = o.getWarmupTime().orElse(b.getWarmupTime().orElse(TimeValue.seconds(10)));
        TimeValue m = o.getMeasurementTime().orElse(b.getMeasurementTime().orElse(TimeValue.seconds(10)));
        int modes = o.getBenchModes().isEmpty() || b.getMode() != Mode.All ? 1 : o.getBenchModes().size();
        return modes * (wi * seconds(w) + mi * seconds(m)) + FORK_OVERHEAD_SECONDS;
    }

    private static double seconds(TimeValue t) {
        return t.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1e3;
    }

    /** One fork of one configuration through JMH's Runner, its results as JMH's JSON. */
    private static ArrayNode runFork(Configuration c) throws IOException {
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(c.options())
                .include("^" + Pattern.quote(c.benchmark().getUsername()) + "$").forks(1);
        c.params().forEach(builder::param);
        Collection<RunResult> results;
        try {
            results = new Runner(builder.build()).run();
        } catch (RunnerException e) {
            throw new Problem("a trial failed in " + c.label() + ": " + e.getMessage());
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(json, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(results);
        }
        return (ArrayNode) JSON.readTree(json.toByteArray());
    }

    private static void write(Path file, ArrayNode results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".rounds", ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), results);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Bad input or a failed trial: one line, exit code 1. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
