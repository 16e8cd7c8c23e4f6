package io.github.schemachurn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Interleaved rounds through JMH's Runner API: in every round each configuration runs one fork,
 * in a fresh random order, so every option meets the same minutes of the machine, and with a
 * control the first configuration runs a second time in every round (its A/A twin), whose
 * difference from itself is the run's noise. JMH runs each configuration's forks back to back, so
 * two options of a comparison would be measured minutes apart and the machine's drift in between
 * would count as their difference. Both {@link Rounds} and {@code diagnose} run their studies here.
 *
 * <p>The results file is JMH's JSON ({@code -rf json}), one result per fork, each with a
 * {@code round} object added: study, round, slot (its position in the round), seed, and
 * {@code twin} for the A/A control's second run; the report pairs options by it. It is rewritten
 * after every fork, so an interrupted run keeps what it measured.
 */
public final class Interleaved {
    /** JVM start, trial setup and teardown of one fork, beyond its iterations: the last non-interleaved published run's mean. */
    static final double FORK_OVERHEAD_SECONDS = 2.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Interleaved() {}

    /** One configuration: a benchmark, a value for each of its params, and the JMH options of the selection that chose it. */
    public record Configuration(BenchmarkListEntry benchmark, Map<String, String> params, Options options) {
        public String label() {
            return benchmark.getUsername() + (params.isEmpty() ? "" : " " + params);
        }
    }

    /** A fork's trial failed; its cause is JMH's. */
    public static final class TrialFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TrialFailed(Configuration c, RunnerException cause) {
            super("a trial failed in " + c.label() + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * Every configuration {@code select} chooses (its includes, excludes and params), in JMH's
     * order: each benchmark, crossed with its params' values; each runs with {@code perFork}.
     */
    public static List<Configuration> configurations(Options select, Options perFork) {
        SortedSet<BenchmarkListEntry> benchmarks = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), select.getIncludes(), select.getExcludes());
        List<Configuration> all = new ArrayList<>();
        for (BenchmarkListEntry b : benchmarks) {
            List<Map<String, String>> combinations = List.of(new LinkedHashMap<>());
            Map<String, String[]> declared = b.getParams().hasValue() ? b.getParams().get() : Map.of();
            for (Map.Entry<String, String[]> param : new TreeMap<>(declared).entrySet()) {
                Collection<String> values = select.getParameter(param.getKey()).hasValue()
                        ? select.getParameter(param.getKey()).get() : Arrays.asList(param.getValue());
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
        Options o = c.options();
        int wi = o.getWarmupIterations().orElse(b.getWarmupIterations().orElse(5));
        int mi = o.getMeasurementIterations().orElse(b.getMeasurementIterations().orElse(5));
        TimeValue w = o.getWarmupTime().orElse(b.getWarmupTime().orElse(TimeValue.seconds(10)));
        TimeValue m = o.getMeasurementTime().orElse(b.getMeasurementTime().orElse(TimeValue.seconds(10)));
        int modes = o.getBenchModes().isEmpty() || b.getMode() != Mode.All ? 1 : o.getBenchModes().size();
        return modes * (wi * seconds(w) + mi * seconds(m)) + FORK_OVERHEAD_SECONDS;
    }

    private static double seconds(TimeValue t) {
        return t.convertTo(TimeUnit.MILLISECONDS) / 1e3;
    }

    /** Told before each fork: its round (from 1), its slot in the round (from 1) of {@code slots}, the configuration, and whether it is the A/A twin. */
    public interface Progress {
        void fork(int round, int slot, int slots, Configuration c, boolean twin);
    }

    /** Rounds' progress: one line per fork. */
    static Progress lines(PrintWriter out, int rounds) {
        return (round, slot, slots, c, twin) -> {
            out.println(">>> round " + round + "/" + rounds + ", slot " + slot + "/" + slots + (twin ? " (A/A twin)" : "") + ": " + c.label());
            out.flush();
        };
    }

    /**
     * Runs {@code rounds} rounds of the configurations, each round in an order drawn from
     * {@code seed} and the study's name, into {@code out}; {@code control} adds the first
     * configuration's A/A twin to every round.
     */
    public static void run(String study, List<Configuration> configurations, int rounds, long seed, boolean control, Path out,
            Progress progress) throws IOException {
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
                progress.fork(round, slot + 1, order.size(), c, twin);
                ObjectNode tag = JSON.createObjectNode().put("study", study).put("round", round).put("slot", slot + 1)
                        .put("seed", seed).put("twin", twin);
                for (JsonNode result : runFork(c)) {
                    ((ObjectNode) result).set("round", tag);
                    results.add(result);
                }
                AtomicFiles.write(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
            }
        }
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
            throw new TrialFailed(c, e);
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(json, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(results);
        }
        return (ArrayNode) JSON.readTree(json.toByteArray());
    }
}
