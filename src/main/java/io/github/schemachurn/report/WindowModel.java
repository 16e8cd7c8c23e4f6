package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.PrepareMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The window model on the seed's site served by worker processes ({@value #BENCHMARK}), each
 * configuration's figures computed once here. A legacy-prepared page is exposed from its first
 * prepare (which loads the whole schema) until its step takes the read lock; a registration
 * committed in that window fails the step with code 17. So the predicted share of pages with code 17
 * is registrations/s (as achieved, not as asked) x the mean window (schema load + prepare-to-step),
 * beside the measured share. The portable figure: the measured share per registration/s per 1,000
 * schema objects (the mean of the objects when the measured window opened and closed), which
 * another machine or schema size can be compared on. Every figure is per fork first (a fork is the
 * unit that repeats), then the mean over forks with its 95 % interval.
 */
final class WindowModel {
    static final String BENCHMARK = "SeedSiteBenchmark";
    static final String RETRIES = "retries";
    static final String EXISTING_USERS = "existingUsers";
    /** Pages start "late" over 10 ms after their arrival; a configuration with more late pages than this share ran saturated. */
    static final double SATURATED_LATE_SHARE = 0.05;

    private WindowModel() {}

    /**
     * One configuration of the site. Shares are fractions of pages (opAttempts); times in microseconds.
     *
     * @param registrations  registrations per second achieved (ddlOk over the registrations' measured window)
     * @param measured       code 17's share of pages (after the retries, where the page retried)
     * @param predicted      registrations/s x mean window, per fork
     * @param windowMicros   mean window of the timed pages: schema load + prepare-to-step
     * @param objects        schema objects a fresh connection loads (mean of the window's start and end)
     * @param portable       the measured share per registration/s per 1,000 schema objects, per fork
     * @param retried        pages that prepared and executed again after code 17 at least once (pageRetried / opAttempts)
     * @param retriesPerPage extra tries per page (opRetries / opAttempts)
     * @param failed         pages that failed in the end, of any class
     */
    record Figures(Result config, Estimate registrations, Estimate measured, Estimate predicted, double windowMicros, double objects,
                   Estimate portable, double cpuMicrosPerPage, double lateShare, double lagMicros, double retried,
                   double retriesPerPage, Estimate failed, Optional<Double> p50, Optional<Double> p99) {
        boolean legacy() {
            return PrepareMode.LEGACY.name().equals(config.param(Run.PREPARE));
        }

        int retries() {
            return Integer.parseInt(Optional.ofNullable(config.param(RETRIES)).orElse("0"));
        }

        boolean saturated() {
            return lateShare > SATURATED_LATE_SHARE;
        }

        /** The model speaks of the legacy prepare's first try: prepare_v2 re-prepares by itself, a retrying page hides its first try's failure. */
        boolean modelled() {
            return legacy() && retries() == 0;
        }

        /** Whether the measured and predicted shares' 95 % intervals overlap (empty: one fork, no intervals). */
        Optional<Boolean> agree() {
            if (measured.forks().size() < 2 || Double.isNaN(predicted.error())) {
                return Optional.empty();
            }
            return Optional.of(predicted.low() <= measured.high() && measured.low() <= predicted.high());
        }

        /** "agree", or where and why not, in a few words. */
        String agreement() {
            if (!modelled()) {
                return legacy() ? "– (retries hide the first try)" : "– (prepare_v2: the model does not apply)";
            }
            Optional<Boolean> agree = agree();
            if (agree.isEmpty()) {
                return "one fork: no intervals";
            }
            if (agree.get()) {
                return "agree";
            }
            String side = measured.value() > predicted.value() ? "measured above the model" : "measured below the model";
            return "**no**: " + side + (saturated() ? " (saturated: queued pages)" : measured.value() > predicted.value()
                    ? " (more exposure than schema load + prepare-to-step)" : " (fewer registrations land in the window than their rate says)");
        }
    }

    /** Every configuration of the site in the run, in the run's order. */
    static List<Figures> of(List<Result> configs) {
        return configs.stream().filter(c -> BENCHMARK.equals(c.benchmarkClass()) && c.op().isPresent() && c.ddl().isPresent())
                .map(WindowModel::figures).toList();
    }

    static Figures figures(Result c) {
        Role pages = c.op().orElseThrow();
        Estimate registrations = c.ddl().orElseThrow().rate();
        Estimate measured = pages.share(ErrorClass.SCHEMA);
        int forks = measured.forks().size();
        List<Double> window = perFork(forks, f -> sum(c, CounterNames.PAGE_TIMED, f) == 0 ? Double.NaN
                : (sum(c, CounterNames.PAGE_SCHEMA_LOAD_MICROS, f) + sum(c, CounterNames.PAGE_PREPARE_TO_STEP_MICROS, f))
                        / sum(c, CounterNames.PAGE_TIMED, f));
        List<Double> objects = perFork(forks, f -> (mean(c, CounterNames.PAGE_SCHEMA_OBJECTS_START, f)
                + mean(c, CounterNames.PAGE_SCHEMA_OBJECTS_END, f)) / 2);
        List<Double> predicted = new ArrayList<>();
        List<Double> portable = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double rate = registrations.forks().get(f);
            if (!Double.isNaN(window.get(f))) {
                predicted.add(rate * window.get(f) / 1e6);
            }
            if (rate > 0 && objects.get(f) > 0) {
                portable.add(measured.forks().get(f) / rate / (objects.get(f) / 1000));
            }
        }
        double attempts = pages.total(Role.Iteration::attempts);
        double timed = c.total(CounterNames.PAGE_TIMED);
        return new Figures(c, registrations, measured, estimate(predicted),
                timed == 0 ? Double.NaN : (c.total(CounterNames.PAGE_SCHEMA_LOAD_MICROS) + c.total(CounterNames.PAGE_PREPARE_TO_STEP_MICROS)) / timed,
                objects.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), estimate(portable),
                per(pages.total(Role.Iteration::cpuMicros), attempts), per(c.total(CounterNames.PAGE_LATE), attempts),
                per(c.total(CounterNames.PAGE_LAG_MICROS), attempts), per(c.total(CounterNames.PAGE_RETRIED), attempts),
                per(pages.total(Role.Iteration::retries), attempts), pages.failedShare(),
                pages.latency(CounterNames.OK_P50_MICROS), pages.latency(CounterNames.OK_P99_MICROS));
    }

    /**
     * The configurations the portable figure is quoted from: the legacy prepare without retries under
     * plain (autocommit) DDL, those that kept their pace; all of them if none did.
     */
    static List<Figures> portableRows(List<Figures> all) {
        List<Figures> plain = all.stream().filter(Figures::modelled)
                .filter(f -> io.github.schemachurn.sqlite.DdlStrategy.AUTOCOMMIT.name().equals(f.config().param(Run.DDL))).toList();
        List<Figures> paced = plain.stream().filter(f -> !f.saturated()).toList();
        return paced.isEmpty() ? plain : paced;
    }

    /** The portable figure over {@link #portableRows}: the mean of their figures, and their range; empty if none. */
    static Optional<double[]> portable(List<Figures> all) {
        List<Double> values = portableRows(all).stream().map(f -> f.portable().value()).filter(v -> !Double.isNaN(v)).toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new double[] {Stats.mean(values), values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()});
    }

    /** The portable figure in words: "0.93 % per registration/s per 1,000 schema objects (0.8–1.1 % over 6 configurations)". */
    static String portableText(double[] figure, int rows) {
        return Fmt.pct(100 * figure[0]) + " of pages per registration/s per 1,000 schema objects"
                + (rows > 1 ? " (" + Fmt.pctRange(100 * figure[1], 100 * figure[2]) + " over " + rows + " configurations)" : "");
    }

    private static Estimate estimate(List<Double> forks) {
        return forks.isEmpty() ? Estimate.of(List.of(Double.NaN), false) : Estimate.of(forks, false);
    }

    private static List<Double> perFork(int forks, IntFunction<Double> value) {
        List<Double> values = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            values.add(value.apply(f));
        }
        return values;
    }

    private static double sum(Result c, String counter, int fork) {
        List<List<Double>> forks = c.counters().getOrDefault(counter, List.of());
        return fork < forks.size() ? forks.get(fork).stream().mapToDouble(Double::doubleValue).sum() : 0;
    }

    private static double mean(Result c, String counter, int fork) {
        List<List<Double>> forks = c.counters().getOrDefault(counter, List.of());
        return fork < forks.size() && !forks.get(fork).isEmpty() ? Stats.mean(forks.get(fork)) : Double.NaN;
    }

    private static double per(double total, double attempts) {
        return attempts == 0 ? Double.NaN : total / attempts;
    }
}
