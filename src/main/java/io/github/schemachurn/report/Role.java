package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One role of a result (the measured operation, or the schema changer) read through the counter
 * names the benchmarks use ({@link CounterNames}): per fork, per measured iteration. Rates are
 * totals over measured time: a fork's successes divided by the sum of its iterations' measured
 * windows (each iteration's window summed over the role's threads, divided by the thread count).
 */
public record Role(String prefix, List<List<Iteration>> forks) {

    /**
     * One measured iteration of the role, as counted by the benchmark. {@code latencyMicros}: the
     * latency counters by suffix ({@link CounterNames#OK_P50_MICROS} …) as JMH reports them, summed
     * over the role's threads; empty for results from before the latency counters.
     */
    record Iteration(long attempts, long ok, Map<ErrorClass, Long> failures, long retries, long busyWaits,
                     double windowMicros, long threads, double cpuMicros, double attemptRate, Map<String, Double> latencyMicros) {
        Iteration {
            failures = Map.copyOf(failures);
            latencyMicros = Map.copyOf(latencyMicros);
            long failed = failures.values().stream().mapToLong(Long::longValue).sum();
            if (attempts != ok + failed) {
                throw new IllegalArgumentException(attempts + " attempts but " + ok + " ok + " + failed + " failed");
            }
        }

        /** The mean measured window of the role's threads, in seconds. */
        double seconds() {
            return threads == 0 ? 0 : windowMicros / threads / 1e6;
        }
    }

    public Role {
        forks = forks.stream().map(List::copyOf).toList();
    }

    /** The role with this prefix, if the result counts it; every counter of the contract must then be there. */
    public static Optional<Role> of(Result result, String prefix) {
        if (!result.counters().containsKey(prefix + CounterNames.ATTEMPTS)) {
            return Optional.empty();
        }
        for (String name : CounterNames.counts(prefix)) {
            if (!result.counters().containsKey(name)) {
                throw new IllegalArgumentException(result.benchmark() + " has no counter " + name
                        + " (results from before measured-window counting? re-run them with this version)");
            }
        }
        List<List<Iteration>> forks = new ArrayList<>();
        List<List<Double>> attempts = result.counters().get(prefix + CounterNames.ATTEMPTS);
        for (int f = 0; f < attempts.size(); f++) {
            List<Iteration> iterations = new ArrayList<>();
            for (int i = 0; i < attempts.get(f).size(); i++) {
                Map<ErrorClass, Long> failures = new EnumMap<>(ErrorClass.class);
                for (ErrorClass error : ErrorClass.values()) {
                    failures.put(error, count(result, CounterNames.failure(prefix, error), f, i));
                }
                try {
                    iterations.add(new Iteration(count(result, prefix + CounterNames.ATTEMPTS, f, i),
                            count(result, prefix + CounterNames.OK, f, i), failures,
                            count(result, prefix + CounterNames.RETRIES, f, i), count(result, prefix + CounterNames.BUSY_WAITS, f, i),
                            value(result, prefix + CounterNames.WINDOW_MICROS, f, i), count(result, prefix + CounterNames.THREADS, f, i),
                            value(result, prefix + CounterNames.CPU_MICROS, f, i),
                            value(result, prefix + CounterNames.ATTEMPT_RATE, f, i), latency(result, prefix, f, i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(result.benchmark() + " " + result.params() + ", " + prefix
                            + " counters of fork " + (f + 1) + " iteration " + (i + 1) + ": " + e.getMessage());
                }
            }
            forks.add(iterations);
        }
        return Optional.of(new Role(prefix, forks));
    }

    private static Map<String, Double> latency(Result result, String prefix, int fork, int iteration) {
        Map<String, Double> latency = new HashMap<>();
        for (String name : CounterNames.latency(prefix)) {
            if (result.counters().containsKey(name)) {
                latency.put(name.substring(prefix.length()), value(result, name, fork, iteration));
            }
        }
        return latency;
    }

    private static double value(Result result, String name, int fork, int iteration) {
        List<List<Double>> forks = result.counters().get(name);
        if (fork >= forks.size() || iteration >= forks.get(fork).size()) {
            throw new IllegalArgumentException("counter " + name + " has no value for fork " + (fork + 1)
                    + " iteration " + (iteration + 1));
        }
        return forks.get(fork).get(iteration);
    }

    private static long count(Result result, String name, int fork, int iteration) {
        double v = value(result, name, fork, iteration);
        if (v != Math.rint(v) || v < 0) {
            throw new IllegalArgumentException("counter " + name + " is not a count: " + v);
        }
        return (long) v;
    }

    double total(ToDoubleFunction<Iteration> what) {
        return forks.stream().flatMap(List::stream).mapToDouble(what).sum();
    }

    long failures(ErrorClass error) {
        return (long) total(i -> i.failures().get(error));
    }

    /** Successful operations per second of measured time. */
    public Estimate rate() {
        return perSecond(i -> i.ok());
    }

    private Estimate perSecond(ToDoubleFunction<Iteration> what) {
        return Estimate.of(forks.stream().map(f -> ratio(f, what, Iteration::seconds)).toList(), true);
    }

    /** The share of attempts that ended in this class, per fork (a fraction). */
    public Estimate share(ErrorClass error) {
        return shareOf(i -> i.failures().get(error));
    }

    public Estimate failedShare() {
        return shareOf(i -> i.attempts() - i.ok());
    }

    /** Per fork, the failed share of attempts as an empirical logit ({@link Stats#empiricalLogit}). */
    public List<Double> failedLogits() {
        return logits(i -> i.attempts() - i.ok());
    }

    /** Per fork, the share of attempts that ended in this class as an empirical logit. */
    List<Double> failedLogits(ErrorClass error) {
        return logits(i -> i.failures().get(error));
    }

    private List<Double> logits(ToDoubleFunction<Iteration> what) {
        return forkCounts(what).stream().map(c -> Stats.empiricalLogit(c[0], c[1])).toList();
    }

    private Estimate shareOf(ToDoubleFunction<Iteration> what) {
        return Estimate.share(forkCounts(what));
    }

    /** Per fork, {@code {what, attempts}} summed over its iterations. */
    private List<long[]> forkCounts(ToDoubleFunction<Iteration> what) {
        return forks.stream().map(f -> new long[] {(long) f.stream().mapToDouble(what).sum(),
                f.stream().mapToLong(Iteration::attempts).sum()}).toList();
    }

    private static double ratio(List<Iteration> fork, ToDoubleFunction<Iteration> top, ToDoubleFunction<Iteration> bottom) {
        double b = fork.stream().mapToDouble(bottom).sum();
        return b == 0 ? 0 : fork.stream().mapToDouble(top).sum() / b;
    }

    /** CPU time over measured time of the role's threads: near 1 per thread when it runs on its own core. */
    double cpuShare() {
        double window = total(Iteration::windowMicros);
        return window == 0 ? Double.NaN : total(Iteration::cpuMicros) / window;
    }

    /** The error class with most failures, if any failed. */
    Optional<ErrorClass> mainFailure() {
        return failuresByClass(List.of(this)).keySet().stream().findFirst();
    }

    /**
     * The failures of these roles together by error class: only classes that failed, most first
     * (ties in {@link ErrorClass} order). The one tally of failures by class; shares of all failures
     * are each count over the sum of the values.
     */
    public static Map<ErrorClass, Long> failuresByClass(List<Role> roles) {
        Map<ErrorClass, Long> counts = new EnumMap<>(ErrorClass.class);
        for (ErrorClass e : ErrorClass.values()) {
            long n = roles.stream().mapToLong(r -> r.failures(e)).sum();
            if (n > 0) {
                counts.put(e, n);
            }
        }
        Map<ErrorClass, Long> mostFirst = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<ErrorClass, Long>comparingByValue().reversed())
                .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
        return mostFirst;
    }

    /**
     * Counted over measured, per iteration: the role's attempt rate (each thread's attempts over
     * its own window, summed over threads) over JMH's rate for the role's method (each thread's
     * ops over its own time, summed). 1.0 when the counters saw exactly what JMH measured.
     */
    List<Double> identityRatios(Result.Metric jmhRate) {
        List<Double> ratios = new ArrayList<>();
        for (int f = 0; f < forks.size() && f < jmhRate.forks().size(); f++) {
            for (int i = 0; i < forks.get(f).size() && i < jmhRate.forks().get(f).size(); i++) {
                double measured = jmhRate.forks().get(f).get(i);
                if (measured > 0) {
                    ratios.add(forks.get(f).get(i).attemptRate() / measured);
                }
            }
        }
        return ratios;
    }

    /**
     * Per fork, a latency counter of the role ({@link CounterNames#OK_P50_MICROS} …) in
     * microseconds: each iteration's value over its thread count (the mean of the threads'
     * percentiles, as JMH sums counters over threads), then the median over the fork's iterations,
     * or their maximum for {@link CounterNames#OK_MAX_MICROS}. Only iterations that recorded some
     * successes (for Ok counters) or failures (for Fail counters) count; empty when none did, when
     * the results predate the latency counters, or when the role's latency was not recorded (a
     * churner in another process).
     */
    List<Double> latencyPerFork(String suffix) {
        boolean ofFailures = suffix.startsWith("Fail");
        List<Double> perFork = new ArrayList<>();
        for (List<Iteration> fork : forks) {
            List<Double> values = fork.stream()
                    .filter(i -> i.threads() > 0 && (ofFailures ? i.attempts() - i.ok() : i.ok()) > 0)
                    .filter(i -> i.latencyMicros().getOrDefault(suffix, 0.0) > 0)
                    .map(i -> i.latencyMicros().get(suffix) / i.threads()).sorted().toList();
            if (!values.isEmpty()) {
                perFork.add(suffix.equals(CounterNames.OK_MAX_MICROS) ? values.get(values.size() - 1) : Stats.median(values));
            }
        }
        return perFork;
    }

    /** A latency counter over forks: the median of {@link #latencyPerFork}, or the maximum for the maximum. */
    Optional<Double> latency(String suffix) {
        List<Double> perFork = latencyPerFork(suffix).stream().sorted().toList();
        if (perFork.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(suffix.equals(CounterNames.OK_MAX_MICROS) ? perFork.get(perFork.size() - 1) : Stats.median(perFork));
    }

    /** Iterations whose mean window is under half the nominal iteration time. */
    long shortWindows(double nominalSeconds) {
        return forks.stream().flatMap(List::stream).filter(i -> i.seconds() < nominalSeconds / 2).count();
    }

    long iterations() {
        return forks.stream().mapToLong(List::size).sum();
    }
}
