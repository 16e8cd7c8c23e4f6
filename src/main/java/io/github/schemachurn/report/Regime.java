package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The regime a configuration ran in: realistic (a busy timeout as drivers set it, schema changes
 * paced at rates applications produce) or stress (unpaced churn, readers failing fast), and the
 * words that name a set of comparisons' busy timeouts and churn rates.
 */
final class Regime {
    /** The shortest busy timeout a driver sets by itself (sqlite-jdbc: 3000 ms, PHP's PDO: 60 s) is well above this. */
    static final double REALISTIC_MIN_BUSY_TIMEOUT_MS = 1000;
    /** Registrations, per-tenant tables and migrations commit DDL at 0.1-100 per second; faster churn is a stress test. */
    static final double REALISTIC_MAX_DDL_PER_SECOND = 100;

    private Regime() {}

    /** Whether a configuration runs in a realistic regime: a driver-like busy timeout and paced churn. */
    static boolean realistic(Result c) {
        String timeout = c.param(Run.BUSY_TIMEOUT);
        return timeout != null && Double.parseDouble(timeout) >= REALISTIC_MIN_BUSY_TIMEOUT_MS
                && pacedRate(c).filter(rate -> rate <= REALISTIC_MAX_DDL_PER_SECOND).isPresent();
    }

    /** The target rate of a paced schema changer (DDL or registrations per second); empty when unpaced. */
    private static Optional<Double> pacedRate(Result c) {
        for (String param : List.of(Run.DDL_PER_SECOND, Run.REGISTRATIONS_PER_SECOND)) {
            String value = c.param(param);
            if (value != null) {
                try {
                    return Optional.of(Double.parseDouble(value));
                } catch (NumberFormatException unpaced) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The regime a row's comparisons ran in: busy timeouts and churn rates. */
    static String of(List<Comparison> comparisons) {
        List<Result> configs = comparisons.stream().flatMap(c -> c.options().stream()).map(Comparison.Option::config).toList();
        TreeSet<Double> timeouts = new TreeSet<>();
        configs.stream().map(c -> c.param(Run.BUSY_TIMEOUT)).filter(java.util.Objects::nonNull).map(Double::parseDouble)
                .forEach(timeouts::add);
        String timeout = timeouts.isEmpty() ? "busy timeout not recorded"
                : "busy timeout " + timeouts.stream().map(Regime::duration).collect(Collectors.joining(", "));
        List<String> churn = new ArrayList<>();
        for (String param : List.of(Run.DDL_PER_SECOND, Run.REGISTRATIONS_PER_SECOND)) {
            TreeSet<Double> paced = new TreeSet<>();
            configs.stream().filter(c -> c.param(param) != null).forEach(c -> pacedRate(c).ifPresent(paced::add));
            if (!paced.isEmpty()) {
                churn.add("paced " + paced.stream().map(Regime::setting).collect(Collectors.joining(", "))
                        + (param.equals(Run.REGISTRATIONS_PER_SECOND) ? " registrations/s" : " DDL/s"));
            }
        }
        List<Result> unpaced = configs.stream().filter(c -> pacedRate(c).isEmpty() && c.ddl().isPresent()).toList();
        if (!unpaced.isEmpty()) {
            double min = unpaced.stream().mapToDouble(c -> c.ddl().get().rate().value()).min().orElseThrow();
            double max = unpaced.stream().mapToDouble(c -> c.ddl().get().rate().value()).max().orElseThrow();
            churn.add("unpaced, " + (min == max ? Fmt.num(min) : Fmt.num(min) + "–" + Fmt.num(max)) + " DDL/s");
        }
        return timeout + "; " + String.join(" and ", churn);
    }

    static String duration(double ms) {
        return ms >= 1000 ? setting(ms / 1000) + " s" : setting(ms) + " ms";
    }

    /** A configured value as it was set: 10, 1,000, 0.5. */
    static String setting(double value) {
        return value == Math.rint(value) ? Fmt.count(value) : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
